import { ApiProperty } from '@nestjs/swagger';
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
