import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMsColumn, epochNumber } from './epoch-ms.transformer';

@Entity('webhook_subscription')
@Index('idx_webhook_subscription_tenant', ['tenant', 'id'])
@Index('idx_webhook_subscription_tenant_active', ['tenant', 'isActive'])
export class WebhookSubscriptionEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  tenant!: string;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  /** Event filters: exact names, `*`, or prefix wildcards such as `points.*`. */
  @Column({ type: 'simple-json' })
  events!: string[];

  /** When set, only messages sharing one of these channels are delivered. */
  @Column({ type: 'simple-json', nullable: true })
  channels!: string[] | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  description!: string | null;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive!: boolean;

  @Column({ name: 'disabled_reason', type: 'varchar', length: 512, nullable: true })
  disabledReason!: string | null;

  /** A wire profile name overriding the module's for this subscription. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  profile!: string | null;

  @Column({ name: 'secret_current_enc', type: 'varchar', length: 512 })
  secretCurrentEnc!: string;

  @Column({ name: 'secret_previous_enc', type: 'varchar', length: 512, nullable: true })
  secretPreviousEnc!: string | null;

  @Column({ name: 'secret_previous_expires_at', ...epochMsColumn, nullable: true })
  secretPreviousExpiresAt!: Date | null;

  /** The subscription's own request headers, a JSON object sealed like the secrets; null when it has none. */
  @Column({ name: 'headers_enc', type: 'text', nullable: true })
  headersEnc!: string | null;

  /** Consecutive failed attempts, reset by a success. */
  @Column({ name: 'failure_streak', type: 'integer', default: 0 })
  failureStreak!: number;

  /** When the current run of failures began; drives auto-disable. */
  @Column({ name: 'failing_since', ...epochMsColumn, nullable: true })
  failingSince!: Date | null;

  /** While set, the circuit is open: deliveries wait, and one probe is let through at this time. */
  @Column({ name: 'breaker_open_until', ...epochMsColumn, nullable: true })
  breakerOpenUntil!: Date | null;

  /** When the circuit last opened: probes back off from it (5 s, 5, 10, 20 s … up to probeIntervalMs). */
  @Column({ name: 'breaker_opened_at', ...epochMsColumn, nullable: true })
  breakerOpenedAt!: Date | null;

  /** The endpoint's adaptive limit of attempts in flight per process, as a worker last reported it. */
  @Column({ name: 'concurrency_limit', type: 'integer', nullable: true })
  concurrencyLimit!: number | null;

  /** At most this many attempts per second across every worker process; null: no limit. */
  @Column({ name: 'rate_limit_per_second', type: 'integer', nullable: true })
  rateLimitPerSecond!: number | null;

  /** At most this many attempts per minute across every worker process; null: no limit. */
  @Column({ name: 'rate_limit_per_minute', type: 'integer', nullable: true })
  rateLimitPerMinute!: number | null;

  /** The per-second bucket's theoretical arrival time in epoch microseconds (see rate-bucket.ts); null: full. */
  @Column({ name: 'rate_second_tat_us', type: 'bigint', nullable: true, transformer: epochNumber })
  rateSecondTatUs!: number | null;

  /** The per-minute bucket's theoretical arrival time in epoch microseconds; null: full. */
  @Column({ name: 'rate_minute_tat_us', type: 'bigint', nullable: true, transformer: epochNumber })
  rateMinuteTatUs!: number | null;

  /** Until then deliveries wait for the limit's tokens: when the last one it held back is due. */
  @Column({ name: 'rate_limited_until', ...epochMsColumn, nullable: true })
  rateLimitedUntil!: Date | null;

  @Column({ name: 'created_at', ...epochMsColumn })
  createdAt!: Date;

  @Column({ name: 'updated_at', ...epochMsColumn })
  updatedAt!: Date;
}
