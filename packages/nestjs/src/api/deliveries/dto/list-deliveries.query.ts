import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatus } from '@hookline/engine';
import { PageQuery } from '../../subscriptions/dto/list-subscriptions.query';

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'whsub_01JD3Q2Z8M6X4N5P7R9S1T3V5W' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  subscription_id?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ example: 'points.earned' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  event_type?: string;

  @ApiPropertyOptional({ description: 'Created at or after (ISO 8601).', example: '2024-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ description: 'Created before (ISO 8601).', example: '2024-01-02T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}
