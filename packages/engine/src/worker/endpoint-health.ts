import type { Clock } from '@hookline/core';
import type { DeliveryEnqueuer } from '../queue/delivery-enqueuer';
import type { AttemptRecord, DeliveryWork } from '../storage/delivery-records';
import type { SqlRunner } from '../storage/sql-runner';
import type { OperationalEvents } from './operational-events';
import type { SubscriptionDisabler } from './subscription-disabler';
import type { EndpointHealthOptions } from '../options/endpoint-health-options';

export type { EndpointHealthOptions };

export type Gate = { send: true } | { send: false; until: Date };

type Subscription = NonNullable<DeliveryWork['subscription']>;

/**
 * The circuit breaker and auto-disable, kept in the subscription row so every worker process
 * agrees. Closed: attempts flow. After `failureThreshold` straight failures spanning at least
 * `openAfterMs` it opens: deliveries wait without spending attempts, and one probe at a time (won
 * by a conditional UPDATE) decides whether it closes again, the first after `firstProbeAfterMs`,
 * later ones at gaps as long as the circuit has been open (5 s, 5, 10, 20 s …) up to
 * `probeIntervalMs`. Failing without a break for `autoDisableAfterMs` disables it. A healthy
 * endpoint costs nothing here: rows are only written after failures and on recovery.
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
    const openedAt = subscription.breakerOpenedAt?.getTime() ?? openUntil.getTime() - this.firstProbeMs();
    const next = now + Math.min(this.options.probeIntervalMs, Math.max(this.firstProbeMs(), now - openedAt));
    const won = await this.sql.updateReturning<{ id: string }>(
      { table: this.sql.tables.subscription, set: 'breaker_open_until = :next', where: 'id = :id AND breaker_open_until = :seen', returning: ['id'] },
      { id: subscriptionId, next, seen: openUntil.getTime() },
    );
    return won.length > 0 ? { send: true } : { send: false, until: new Date(next) };
  }

  /**
   * Counts the attempt's outcome against the endpoint; true when it closed the circuit. A failure
   * to count is logged, the attempt stands.
   */
  async report(item: DeliveryWork, record: AttemptRecord): Promise<boolean> {
    if (!this.options.enabled) return false;
    try {
      return await this.count(item, record);
    } catch (error) {
      this.logger.warn(`Could not update endpoint health of ${item.subscriptionId}: ${(error as Error).message}`);
      return false;
    }
  }

  private firstProbeMs(): number {
    return Math.min(this.options.firstProbeAfterMs, this.options.probeIntervalMs);
  }

  private async count(item: DeliveryWork, record: AttemptRecord): Promise<boolean> {
    const subscription = item.subscription!;
    if (record.outcome === 'success') {
      return subscription.failureStreak > 0 || subscription.breakerOpenUntil ? this.recovered(item) : false;
    }
    const now = this.clock.now().getTime();
    const [row] = await this.sql.updateReturning<{ failure_streak: number | string; failing_since: number | string; breaker_open_until: number | string | null }>(
      {
        table: this.sql.tables.subscription,
        set: 'failure_streak = failure_streak + 1, failing_since = COALESCE(failing_since, :now)',
        where: 'id = :id',
        returning: ['failure_streak', 'failing_since', 'breaker_open_until'],
      },
      { id: item.subscriptionId, now },
    );
    if (!row) return false;
    const failingSince = Number(row.failing_since);
    if (now - failingSince >= this.options.autoDisableAfterMs) {
      const since = new Date(failingSince).toISOString();
      await this.disabler.disable(item.subscriptionId, item.tenant, `The endpoint has failed every attempt since ${since}; disabled automatically.`);
      return false;
    }
    const sustained = Number(row.failure_streak) >= this.options.failureThreshold && now - failingSince >= this.options.openAfterMs;
    if (sustained && row.breaker_open_until == null) {
      const opened = await this.sql.updateReturning<{ id: string }>(
        { table: this.sql.tables.subscription, set: 'breaker_open_until = :until, breaker_opened_at = :now', where: 'id = :id AND breaker_open_until IS NULL', returning: ['id'] },
        { id: item.subscriptionId, until: now + this.firstProbeMs(), now },
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
    return false;
  }

  private async recovered(item: DeliveryWork): Promise<boolean> {
    const now = this.clock.now().getTime();
    const closed = await this.sql.updateReturning<{ id: string }>(
      {
        table: this.sql.tables.subscription,
        set: 'breaker_open_until = NULL, breaker_opened_at = NULL, failure_streak = 0, failing_since = NULL',
        where: 'id = :id AND breaker_open_until IS NOT NULL',
        returning: ['id'],
      },
      { id: item.subscriptionId },
    );
    if (closed.length === 0) {
      await this.sql.execute(`UPDATE ${this.sql.tables.subscription} SET failure_streak = 0, failing_since = NULL WHERE id = :id AND failure_streak > 0`, {
        id: item.subscriptionId,
      });
      return false;
    }
    // The endpoint answers again: what waited on the open circuit (and retries backing off) goes
    // now, with what fell due meanwhile and is waiting for the sweeper.
    const waiting = await this.sql.updateReturning<{ id: string }>(
      {
        table: this.sql.tables.delivery,
        set: 'next_attempt_at = :now, updated_at = :now',
        where: `subscription_id = :id AND status = 'pending' AND (locked_until IS NULL OR locked_until < :now)`,
        returning: ['id'],
      },
      { id: item.subscriptionId, now },
    );
    // In shared jobs, not one each: the lanes pace them from a low limit.
    await this.enqueuer.enqueueLater([{ deliveryIds: waiting.map((d) => d.id), delayMs: 0, subscriptionIds: [item.subscriptionId] }], `recovered${now}`);
    this.events.emit('endpoint.recovered', { subscriptionId: item.subscriptionId, tenant: item.tenant, resumed: waiting.length });
    return true;
  }
}
