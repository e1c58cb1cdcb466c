import type { Clock } from '@hookline/core';
import type { DeliveryEnqueuer } from '../publishing/delivery-enqueuer';
import type { AttemptRecord, DeliveryWork } from '../storage/delivery-records';
import type { SqlRunner } from '../storage/sql-runner';
import type { OperationalEvents } from './operational-events';
import type { SubscriptionDisabler } from './subscription-disabler';

export interface EndpointHealthOptions {
  enabled: boolean;
  /** Consecutive failed attempts that open the circuit. */
  failureThreshold: number;
  /** While open, one probe attempt is let through this often. */
  probeIntervalMs: number;
  /** A subscription failing continuously this long is disabled. */
  autoDisableAfterMs: number;
}

export type Gate = { send: true } | { send: false; until: Date };

type Subscription = NonNullable<DeliveryWork['subscription']>;

/**
 * The circuit breaker and auto-disable, kept in the subscription row so every worker process
 * agrees. Closed: attempts flow. After `failureThreshold` straight failures it opens: deliveries
 * wait without spending attempts, and one probe at a time (won by a conditional UPDATE) decides
 * whether it closes again. Failing without a break for `autoDisableAfterMs` disables it.
 * A healthy endpoint costs nothing here: rows are only written after failures and on recovery.
 */
export class EndpointHealth {
  constructor(
    private readonly sql: SqlRunner,
    private readonly clock: Clock,
    private readonly options: EndpointHealthOptions,
    private readonly events: OperationalEvents,
    private readonly disabler: SubscriptionDisabler,
    private readonly enqueuer: DeliveryEnqueuer,
    private readonly logger: { warn(message: string): void },
  ) {}

  /** Whether a delivery to this subscription may be attempted now, or until when it waits. */
  async gate(subscriptionId: string, subscription: Subscription): Promise<Gate> {
    const openUntil = subscription.breakerOpenUntil;
    if (!this.options.enabled || !openUntil) return { send: true };
    const now = this.clock.now().getTime();
    if (now < openUntil.getTime()) return { send: false, until: openUntil };
    const next = now + this.options.probeIntervalMs;
    const won = await this.sql.rows<{ id: string }>(
      `UPDATE webhook_subscription SET breaker_open_until = :next WHERE id = :id AND breaker_open_until = :seen RETURNING id`,
      { id: subscriptionId, next, seen: openUntil.getTime() },
    );
    return won.length > 0 ? { send: true } : { send: false, until: new Date(next) };
  }

  /** Counts the attempt's outcome against the endpoint; a failure to do so is logged, the attempt stands. */
  async report(item: DeliveryWork, record: AttemptRecord): Promise<void> {
    if (!this.options.enabled) return;
    try {
      await this.count(item, record);
    } catch (error) {
      this.logger.warn(`Could not update endpoint health of ${item.subscriptionId}: ${(error as Error).message}`);
    }
  }

  private async count(item: DeliveryWork, record: AttemptRecord): Promise<void> {
    const subscription = item.subscription!;
    if (record.outcome === 'success') {
      if (subscription.failureStreak > 0 || subscription.breakerOpenUntil) await this.recovered(item);
      return;
    }
    const now = this.clock.now().getTime();
    const [row] = await this.sql.rows<{ failure_streak: number | string; failing_since: number | string; breaker_open_until: number | string | null }>(
      `UPDATE webhook_subscription SET failure_streak = failure_streak + 1, failing_since = COALESCE(failing_since, :now)
        WHERE id = :id RETURNING failure_streak, failing_since, breaker_open_until`,
      { id: item.subscriptionId, now },
    );
    if (!row) return;
    const failingSince = Number(row.failing_since);
    if (now - failingSince >= this.options.autoDisableAfterMs) {
      const since = new Date(failingSince).toISOString();
      await this.disabler.disable(item.subscriptionId, item.tenant, `The endpoint has failed every attempt since ${since}; disabled automatically.`);
      return;
    }
    if (Number(row.failure_streak) >= this.options.failureThreshold && row.breaker_open_until == null) {
      const opened = await this.sql.rows<{ id: string }>(
        `UPDATE webhook_subscription SET breaker_open_until = :until WHERE id = :id AND breaker_open_until IS NULL RETURNING id`,
        { id: item.subscriptionId, until: now + this.options.probeIntervalMs },
      );
      if (opened.length > 0) {
        this.events.emit('endpoint.failing', {
          subscriptionId: item.subscriptionId,
          tenant: item.tenant,
          failureStreak: Number(row.failure_streak),
          failingSince: new Date(failingSince).toISOString(),
        });
      }
    }
  }

  private async recovered(item: DeliveryWork): Promise<void> {
    const now = this.clock.now().getTime();
    const closed = await this.sql.rows<{ id: string }>(
      `UPDATE webhook_subscription SET breaker_open_until = NULL, failure_streak = 0, failing_since = NULL
        WHERE id = :id AND breaker_open_until IS NOT NULL RETURNING id`,
      { id: item.subscriptionId },
    );
    if (closed.length === 0) {
      await this.sql.execute(`UPDATE webhook_subscription SET failure_streak = 0, failing_since = NULL WHERE id = :id AND failure_streak > 0`, {
        id: item.subscriptionId,
      });
      return;
    }
    // The endpoint answers again: what waited on the open circuit (and retries backing off) goes now.
    const waiting = await this.sql.rows<{ id: string; attempt_count: number | string }>(
      `UPDATE webhook_delivery SET next_attempt_at = :now, updated_at = :now
        WHERE subscription_id = :id AND status = 'pending' AND next_attempt_at > :now AND (locked_until IS NULL OR locked_until < :now)
        RETURNING id, attempt_count`,
      { id: item.subscriptionId, now },
    );
    await this.enqueuer.enqueueRetries(
      waiting.map((d) => ({ deliveryId: d.id, attemptCount: Number(d.attempt_count), delayMs: 0, tag: `recovered${now}` })),
    );
    this.events.emit('endpoint.recovered', { subscriptionId: item.subscriptionId, tenant: item.tenant, resumed: waiting.length });
  }
}
