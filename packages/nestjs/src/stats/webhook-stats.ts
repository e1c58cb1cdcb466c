import type { Clock } from '@hookline/core';
import type { SqlRunner } from '../storage/sql-runner';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../storage/webhook-delivery.entity';
import type { SubscriptionStatsView } from './subscription-stats-view';

// Attempts are joined to their delivery to know the subscription; the tenant narrows both sides.
const ATTEMPTS_IN_WINDOW = `FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
  WHERE d.subscription_id = :id AND d.tenant = :tenant AND a.tenant = :tenant AND a.started_at >= :since`;

/** Delivery statistics computed in SQL that runs the same on PostgreSQL and SQLite. */
export class WebhookStats {
  constructor(private readonly deps: { sql: SqlRunner; clock: Clock }) {}

  /** One subscription's figures over the last `windowMs`. The caller checks the subscription exists. */
  async forSubscription(subscriptionId: string, options: { tenant: string; windowMs: number }): Promise<SubscriptionStatsView> {
    const until = this.deps.clock.now();
    const since = new Date(until.getTime() - options.windowMs);
    const params = { id: subscriptionId, tenant: options.tenant, since: since.getTime() };
    const { sql } = this.deps;

    const byStatus = await sql.rows<{ status: DeliveryStatus; n: number | string }>(
      `SELECT status, COUNT(*) AS n FROM webhook_delivery
        WHERE subscription_id = :id AND tenant = :tenant AND created_at >= :since GROUP BY status`,
      params,
    );
    const deliveries = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
    for (const row of byStatus) deliveries[row.status] = Number(row.n);
    const total = DELIVERY_STATUSES.reduce((sum, s) => sum + deliveries[s], 0);

    const [counts] = await sql.rows<{ attempts: number | string; attempted: number | string }>(
      `SELECT COUNT(*) AS attempts, COUNT(DISTINCT a.delivery_id) AS attempted ${ATTEMPTS_IN_WINDOW}`,
      params,
    );
    const attempts = Number(counts?.attempts ?? 0);
    const attempted = Number(counts?.attempted ?? 0);
    const [retried] = await sql.rows<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM (SELECT a.delivery_id ${ATTEMPTS_IN_WINDOW} GROUP BY a.delivery_id HAVING COUNT(*) > 1) r`,
      params,
    );

    const settled = deliveries.delivered + deliveries.failed;
    return {
      subscriptionId,
      since,
      until,
      deliveries: { ...deliveries, total },
      attempts,
      successRate: settled > 0 ? deliveries.delivered / settled : null,
      retryRate: attempted > 0 ? Number(retried?.n ?? 0) / attempted : null,
      latencyMs: attempts > 0 ? { p50: await this.durationAt(0.5, attempts, params), p95: await this.durationAt(0.95, attempts, params) } : null,
    };
  }

  /** The nearest-rank percentile, read with ORDER BY … OFFSET: SQLite has no percentile function. */
  private async durationAt(percentile: number, count: number, params: Record<string, unknown>): Promise<number> {
    const offset = Math.max(0, Math.ceil(percentile * count) - 1);
    const [row] = await this.deps.sql.rows<{ duration_ms: number | string }>(
      `SELECT a.duration_ms ${ATTEMPTS_IN_WINDOW} ORDER BY a.duration_ms LIMIT 1 OFFSET ${offset}`,
      params,
    );
    return Number(row?.duration_ms ?? 0);
  }
}
