import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_STATS_BUCKETS } from '@hookline/engine';

export class StatsQuery {
  @ApiPropertyOptional({ description: 'How far back to look: minutes, hours or days, up to 30d.', example: '24h', default: '24h' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,4}[mhd]$/, { message: 'window must look like "15m", "24h" or "7d"' })
  window?: string;

  @ApiPropertyOptional({
    description: 'Also split the window into this many equal buckets and return the figures of each as `series`, oldest first.',
    minimum: 1,
    maximum: MAX_STATS_BUCKETS,
    example: 24,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_STATS_BUCKETS)
  buckets?: number;
}
