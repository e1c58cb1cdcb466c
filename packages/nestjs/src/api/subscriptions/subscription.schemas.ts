import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ListMetaSchema } from '../documents/list-meta.schema';
import { RATE_LIMIT_SCHEMA } from './rate-limit-body';

export class SubscriptionAttributesSchema {
  @ApiProperty({ example: 'https://example.com/webhooks/loyalty' }) url!: string;
  @ApiProperty({ type: [String], example: ['points.earned', 'tier.*'] }) events!: string[];
  @ApiProperty({ type: [String], nullable: true }) channels!: string[] | null;
  @ApiProperty({ type: String, nullable: true, example: 'Production points sync' }) description!: string | null;
  @ApiProperty({ description: 'false while paused by request or disabled after the endpoint answered 410.' }) is_active!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null }) disabled_reason!: string | null;
  @ApiProperty({ type: String, nullable: true, example: null }) profile!: string | null;
  @ApiProperty({
    description: "The subscription's own headers, values masked: `••••`, or for values of 16 characters or more `••••` and their last four. Never shown in clear, not even on create.",
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    example: { 'X-Api-Key': '••••lo2C' },
  })
  headers!: Record<string, string> | null;
  @ApiProperty({ ...RATE_LIMIT_SCHEMA, description: 'At most this many attempts per second and/or minute across every worker process; null: no limit.' })
  rate_limit!: { per_second?: number; per_minute?: number } | null;
  @ApiPropertyOptional({
    description: 'The signing secret. Only in the create and rotate-secret responses: store it then, it is never shown again.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret?: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class SubscriptionResourceSchema {
  @ApiProperty({ enum: ['webhook_subscription'] }) type!: string;
  @ApiProperty({ example: 'whsub_01JD3Q2Z8M6X4N5P7R9S1T3V5W' }) id!: string;
  @ApiProperty({ type: SubscriptionAttributesSchema }) attributes!: SubscriptionAttributesSchema;
}

export class SubscriptionDocumentSchema {
  @ApiProperty({ type: SubscriptionResourceSchema }) data!: SubscriptionResourceSchema;
}

export class SubscriptionListDocumentSchema {
  @ApiProperty({ type: [SubscriptionResourceSchema] }) data!: SubscriptionResourceSchema[];
  @ApiProperty({ type: ListMetaSchema }) meta!: ListMetaSchema;
}
