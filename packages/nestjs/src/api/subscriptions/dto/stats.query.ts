import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class StatsQuery {
  @ApiPropertyOptional({ description: 'How far back to look: minutes, hours or days, up to 30d.', example: '24h', default: '24h' })
  @IsOptional()
  @Matches(/^[1-9][0-9]{0,4}[mhd]$/, { message: 'window must look like "15m", "24h" or "7d"' })
  window?: string;
}
