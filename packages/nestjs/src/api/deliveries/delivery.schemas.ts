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
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: "The headers the request was sent with. The signature, authorization, cookies, any name with signature, token, secret, password or api-key in it, and every header of the subscription's own `headers` are masked (`••••`, or `••••` and the last four characters) before they are stored. null on attempts recorded before 0.2.",
    example: { 'content-type': 'application/json', 'webhook-id': 'dlv_01JD3Q2Z8M6X4N5P7R9S1T3V5W', 'webhook-timestamp': '1732612345', 'webhook-signature': '••••Zk0=' },
  })
  request_headers!: Record<string, string> | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'The response headers (at most 8 KiB of names and values; set-cookie and names that look like credentials masked); null when no response arrived.',
    example: { 'content-type': 'text/plain', 'content-length': '2' },
  })
  response_headers!: Record<string, string> | null;
  @ApiProperty({ description: 'True when the response headers ran past 8 KiB and the rest were not kept.', example: false })
  response_headers_truncated!: boolean;
  @ApiProperty({ description: "How many of the subscription's own headers also went with the request; they are sealed with the subscription and not kept in the log.", example: 1 })
  subscription_header_count!: number;
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
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      "The exact body every attempt sent (single-delivery responses only): rebuilt from the message with the subscription's profile, through the module's `redactPayload` when set. null when the subscription was deleted.",
    example: '{"id":"dlv_01JD3Q2Z8M6X4N5P7R9S1T3V5W","type":"points.earned","timestamp":"2024-11-26T10:12:25.000Z","data":{"customer_id":"cust_123","amount":150}}',
  })
  body?: string | null;
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
