import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMsColumn } from './epoch-ms.transformer';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed'];

@Entity('webhook_delivery')
// Partial: only pending rows are ever looked up as due work, and they are a small share of the table.
// MySQL has no partial index: TypeORM creates it there on next_attempt_at alone, which still serves the due scan.
@Index('idx_webhook_delivery_due', ['nextAttemptAt'], { where: "status = 'pending'" })
@Index('idx_webhook_delivery_log', ['tenant', 'subscriptionId', 'id'])
@Index('idx_webhook_delivery_tenant', ['tenant', 'id'])
@Index('idx_webhook_delivery_message', ['messageId'])
// The claim's look for an earlier pending delivery of the same key; only keyed rows are indexed (all of them on MySQL).
@Index('idx_webhook_delivery_order', ['subscriptionId', 'orderingKey', 'id'], { where: 'ordering_key IS NOT NULL' })
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ name: 'message_id', type: 'varchar', length: 40 })
  messageId!: string;

  @Column({ name: 'subscription_id', type: 'varchar', length: 40 })
  subscriptionId!: string;

  @Column({ type: 'varchar', length: 128 })
  tenant!: string;

  /** Copied from the message so the log filters by type without a join. */
  @Column({ name: 'event_type', type: 'varchar', length: 128 })
  eventType!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  /** Attempts in the current series; the attempt rows keep every series. */
  @Column({ name: 'attempt_count', type: 'integer', default: 0 })
  attemptCount!: number;

  /** When the current series of attempts began: at creation, and again at each resend. */
  @Column({ name: 'series_started_at', ...epochMsColumn })
  seriesStartedAt!: Date;

  /** Null while the delivery is parked (its subscription is disabled): not due, not swept. */
  @Column({ name: 'next_attempt_at', ...epochMsColumn, nullable: true })
  nextAttemptAt!: Date | null;

  /** A worker's claim: nobody else sends this delivery until it passes. */
  @Column({ name: 'locked_until', ...epochMsColumn, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1024, nullable: true })
  lastError!: string | null;

  @Column({ name: 'delivered_at', ...epochMsColumn, nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'created_at', ...epochMsColumn })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...epochMsColumn })
  updatedAt!: Date;

  /** The message's ordering key: deliveries sharing it and the subscription go one at a time, in id (publish) order. */
  @Column({ name: 'ordering_key', type: 'varchar', length: 255, nullable: true })
  orderingKey!: string | null;
}
