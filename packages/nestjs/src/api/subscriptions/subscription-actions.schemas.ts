import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeliveryCountsSchema {
  @ApiProperty() total!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty() failed!: number;
}

export class LatencySchema {
  @ApiProperty({ example: 42 }) p50!: number;
  @ApiProperty({ example: 180 }) p95!: number;
}

export class StatsFiguresSchema {
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ format: 'date-time' }) until!: string;
  @ApiProperty({ type: DeliveryCountsSchema, description: 'Deliveries created in the window, by their status now.' }) deliveries!: DeliveryCountsSchema;
  @ApiProperty({ description: 'Attempts made in the window.' }) attempts!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.995, description: 'Delivered ÷ (delivered + failed); null when none settled.' })
  success_rate!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.03, description: 'Share of attempted deliveries that needed more than one attempt.' })
  retry_rate!: number | null;
  @ApiProperty({ type: LatencySchema, nullable: true, description: 'Attempt durations in ms (nearest rank); null without attempts.' })
  latency_ms!: LatencySchema | null;
}

export class StatsAttributesSchema extends StatsFiguresSchema {
  @ApiProperty({ example: '24h' }) window!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 24,
    description: "The endpoint's adaptive limit of attempts in flight per worker process, as a worker last reported it; null until one has.",
  })
  concurrency_limit!: number | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: null,
    description: "While the subscription's rate limit holds deliveries back (they wait without spending attempts): when the last of them is due; null when none waits.",
  })
  rate_limited_until!: string | null;
  @ApiPropertyOptional({
    type: [StatsFiguresSchema],
    description: 'With `buckets`: the same figures for each equal slice of the window, oldest first (what happened in that slice).',
  })
  series?: StatsFiguresSchema[];
}

export class StatsResourceSchema {
  @ApiProperty({ enum: ['webhook_subscription_stats'] }) type!: string;
  @ApiProperty({ example: 'whsub_01JD3Q2Z8M6X4N5P7R9S1T3V5W' }) id!: string;
  @ApiProperty({ type: StatsAttributesSchema }) attributes!: StatsAttributesSchema;
}

export class StatsDocumentSchema {
  @ApiProperty({ type: StatsResourceSchema }) data!: StatsResourceSchema;
}

export class ReplayMetaSchema {
  @ApiProperty({ description: 'Deliveries queued to be sent again.', example: 12 }) queued!: number;
  @ApiProperty({ example: 'whsub_01JD3Q2Z8M6X4N5P7R9S1T3V5W' }) subscription_id!: string;
  @ApiProperty({ enum: ['failed'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) until!: string | null;
}

export class ReplayDocumentSchema {
  @ApiProperty({ type: ReplayMetaSchema }) meta!: ReplayMetaSchema;
}
