import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListMetaSchema } from '../documents/list-meta.schema';

export class EventTypeAttributesSchema {
  @ApiProperty({ example: 'points.earned' }) name!: string;
  @ApiProperty({ example: 'Points were awarded to a customer.' }) description!: string;
  @ApiProperty({ type: String, nullable: true, example: 'points' }) group!: string | null;
  @ApiProperty() deprecated!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: "JSON Schema (draft-07) of the event's data." })
  schema!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Example data, valid against the schema.' })
  example!: Record<string, unknown> | null;
}

export class EventTypeResourceSchema {
  @ApiProperty({ enum: ['event_type'] }) type!: string;
  @ApiProperty({ example: 'points.earned' }) id!: string;
  @ApiProperty({ type: EventTypeAttributesSchema }) attributes!: EventTypeAttributesSchema;
}

export class EventTypeListDocumentSchema {
  @ApiProperty({ type: [EventTypeResourceSchema] }) data!: EventTypeResourceSchema[];
  @ApiProperty({ type: ListMetaSchema }) meta!: ListMetaSchema;
}

export class WebhookHeaderSchema {
  @ApiProperty({ description: 'Spelled as sent; header names are case-insensitive.', example: 'webhook-id' }) name!: string;
  @ApiProperty({ example: 'The event id, also in the body where the envelope has one: de-duplicate on it.' }) description!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of the value (a signature: its pattern).' })
  schema!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'A value as sent; absent for signatures, which are described, not shown.', example: 'dlv_01JD3Q2Z8M6X4N5P7R9S1T3V5W' })
  example?: string;
}

export class WebhookEnvelopeSchema {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'JSON Schema of the body, the data schema inside it.' })
  schema!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A body as sent, around the example data.' })
  example!: Record<string, unknown>;
}

export class EventTypeWithRequestAttributesSchema extends EventTypeAttributesSchema {
  @ApiProperty({ description: "The module's wire profile, which the headers and envelope follow.", example: 'standard' }) profile!: string;
  @ApiProperty({ type: [WebhookHeaderSchema], description: 'Every header a subscriber receives, in the order sent.' }) headers!: WebhookHeaderSchema[];
  @ApiProperty({ type: WebhookEnvelopeSchema, description: 'The body a subscriber receives.' }) envelope!: WebhookEnvelopeSchema;
}

export class EventTypeWithRequestResourceSchema {
  @ApiProperty({ enum: ['event_type'] }) type!: string;
  @ApiProperty({ example: 'points.earned' }) id!: string;
  @ApiProperty({ type: EventTypeWithRequestAttributesSchema }) attributes!: EventTypeWithRequestAttributesSchema;
}

export class EventTypeDocumentSchema {
  @ApiProperty({ type: EventTypeWithRequestResourceSchema }) data!: EventTypeWithRequestResourceSchema;
}
