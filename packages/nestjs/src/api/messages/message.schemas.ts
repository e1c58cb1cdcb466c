import { ApiProperty } from '@nestjs/swagger';
import { DeliveryResourceSchema } from '../deliveries/delivery.schemas';

export class TraceContextSchema {
  @ApiProperty({ example: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }) traceparent!: string;
  @ApiProperty({ required: false, example: 'rojo=00f067aa0ba902b7' }) tracestate?: string;
}

export class MessageAttributesSchema {
  @ApiProperty({ example: 'points.earned' }) event_type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data, as published.", example: { customer_id: 'cust_123', amount: 150 } })
  data!: Record<string, unknown>;
  @ApiProperty({ type: [String], nullable: true }) channels!: string[] | null;
  @ApiProperty({ type: String, nullable: true }) idempotency_key!: string | null;
  @ApiProperty({ type: TraceContextSchema, nullable: true, description: 'The W3C trace context the message was published in, sent with every attempt.' })
  trace_context!: TraceContextSchema | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class ResourceIdentifierSchema {
  @ApiProperty({ example: 'webhook_delivery' }) type!: string;
  @ApiProperty({ example: 'dlv_01JD3Q2Z8M6X4N5P7R9S1T3V5W' }) id!: string;
}

export class MessageDeliveriesRelationshipSchema {
  @ApiProperty({ type: [ResourceIdentifierSchema] }) data!: ResourceIdentifierSchema[];
}

export class MessageRelationshipsSchema {
  @ApiProperty({ type: MessageDeliveriesRelationshipSchema }) deliveries!: MessageDeliveriesRelationshipSchema;
}

export class MessageResourceSchema {
  @ApiProperty({ enum: ['webhook_message'] }) type!: string;
  @ApiProperty({ example: 'msg_01JD3Q2Z8M6X4N5P7R9S1T3V5W' }) id!: string;
  @ApiProperty({ type: MessageAttributesSchema }) attributes!: MessageAttributesSchema;
  @ApiProperty({ type: MessageRelationshipsSchema }) relationships!: MessageRelationshipsSchema;
}

export class MessageDocumentSchema {
  @ApiProperty({ type: MessageResourceSchema }) data!: MessageResourceSchema;
  @ApiProperty({ type: [DeliveryResourceSchema], description: 'Every delivery of the message.' }) included!: DeliveryResourceSchema[];
}
