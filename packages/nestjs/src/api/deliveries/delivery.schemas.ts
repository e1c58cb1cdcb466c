import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_STATUSES } from '@hookline/engine';
import { ListMetaSchema } from '../documents/list-meta.schema';

export class AttemptSchema {
  @ApiProperty({ example: 'att_01JD3Q2Z8M6X4N5P7R9S1T3V5W' }) id!: string;
  @ApiProperty({ format: 'date-time' }) started_at!: string;
  @ApiProperty({ example: 84 }) duration_ms!: number;
  @ApiProperty({ type: Number, nullable: true, example: 200, description: 'null when no response arrived (timeout, refused connection).' })
  status_code!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The start of the response body (at most 4 KiB).', example: 'ok' })
  response_excerpt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why the attempt failed.' }) error!: string | null;
}

export class DeliveryAttributesSchema {
  @ApiProperty({ example: 'msg_01JD3Q2Z8M6X4N5P7R9S1T3V5W' }) message_id!: string;
  @ApiProperty({ example: 'whsub_01JD3Q2Z8M6X4N5P7R9S1T3V5W' }) subscription_id!: string;
  @ApiProperty({ example: 'points.earned' }) event_type!: string;
  @ApiProperty({ type: String, nullable: true, example: 'cust_42', description: "The message's ordering key: deliveries of one key to a subscription go one at a time, in publish order." })
  ordering_key!: string | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: string;
  @ApiProperty({ description: 'Attempts in the current series (a resend starts a new series).' }) attempt_count!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) next_attempt_at!: string | null;
  @ApiProperty({ type: Number, nullable: true }) last_status_code!: number | null;
  @ApiProperty({ type: String, nullable: true }) last_error!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) delivered_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
  @ApiPropertyOptional({ type: [AttemptSchema], description: 'Every attempt, oldest first (single-delivery responses only).' })
  attempts?: AttemptSchema[];
}

export class DeliveryResourceSchema {
  @ApiProperty({ enum: ['webhook_delivery'] }) type!: string;
  @ApiProperty({ example: 'dlv_01JD3Q2Z8M6X4N5P7R9S1T3V5W' }) id!: string;
  @ApiProperty({ type: DeliveryAttributesSchema }) attributes!: DeliveryAttributesSchema;
}

export class DeliveryDocumentSchema {
  @ApiProperty({ type: DeliveryResourceSchema }) data!: DeliveryResourceSchema;
}

export class DeliveryListDocumentSchema {
  @ApiProperty({ type: [DeliveryResourceSchema] }) data!: DeliveryResourceSchema[];
  @ApiProperty({ type: ListMetaSchema }) meta!: ListMetaSchema;
}
