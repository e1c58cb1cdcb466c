import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMsColumn } from './epoch-ms.transformer';

/** One HTTP try. Append-only; pruned by retention. */
@Entity('webhook_attempt')
@Index('idx_webhook_attempt_delivery', ['deliveryId', 'startedAt'])
export class WebhookAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ name: 'delivery_id', type: 'varchar', length: 40 })
  deliveryId!: string;

  @Column({ type: 'varchar', length: 128 })
  tenant!: string;

  @Column({ name: 'started_at', ...epochMsColumn })
  startedAt!: Date;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ name: 'response_excerpt', type: 'text', nullable: true })
  responseExcerpt!: string | null;

  /** The request's and the response's headers, masked before they were written, as JSON. */
  @Column({ type: 'text', nullable: true })
  headers!: string | null;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  error!: string | null;
}
