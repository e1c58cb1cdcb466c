import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsISO8601, IsOptional } from 'class-validator';

export class ReplayDto {
  @ApiProperty({ description: 'Which deliveries to send again.', enum: ['failed'], example: 'failed' })
  @IsDefined({ message: 'status is required' })
  @IsIn(['failed'])
  status!: 'failed';

  @ApiPropertyOptional({ description: 'Deliveries created at or after this time (ISO 8601).', example: '2024-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ description: 'Deliveries created before this time (ISO 8601).', example: '2024-01-02T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}
