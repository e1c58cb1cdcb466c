import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCursor } from '../../validation/is-cursor';

export class PageQuery {
  @ApiPropertyOptional({ description: "The previous page's meta.next_cursor." })
  @IsOptional()
  @IsCursor()
  cursor?: string;

  @ApiPropertyOptional({ description: 'Page size.', minimum: 1, maximum: 250, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(250)
  limit?: number;
}
