import type { Clock } from '@hookline/core';
import type { SqlRunner } from '../storage/sql-runner';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../storage/webhook-delivery.entity';
import { bucketOf, type BucketParams } from './stats-buckets';
import type { SubscriptionStatsView } from './subscription-stats-view';

type Count = number | string;

// Attempts are joined to their delivery to know the subscription; the tenant narrows both sides.
const ATTEMPTS_IN_WINDOW = `FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
  WHERE d.subscription_id = :id AND d.tenant = :tenant AND a.tenant = :tenant AND a.started_at >= :since`;

const DELIVERIES_BY_STATUS = `SELECT b, status, COUNT(*) AS n FROM (
    SELECT ${bucketOf('created_at')} AS b, status FROM webhook_delivery
     WHERE subscription_id = :id AND tenant = :tenant AND created_at >= :since) t
  GROUP BY b, status`;

const ATTEMPT_COUNTS = `SELECT b, COUNT(*) AS attempts, COUNT(DISTINCT delivery_id) AS attempted FROM (
    SELECT ${bucketOf('a.started_at')} AS b, a.delivery_id ${ATTEMPTS_IN_WINDOW}) t
  GROUP BY b`;

const RETRIED_DELIVERIES = `SELECT b, COUNT(*) AS n FROM (
    SELECT b, delivery_id FROM (SELECT ${bucketOf('a.started_at')} AS b, a.delivery_id ${ATTEMPTS_IN_WINDOW}) t
     GROUP BY b, delivery_id HAVING COUNT(*) > 1) r
  GROUP BY b`;

// Nearest-rank percentiles with window functions (SQLite has no percentile function): the rank
// of percentile k in n values is ceil(n·k/100), written in integer arithmetic as (n·k + 99) / 100.
const LATENCY_PERCENTILES = `SELECT b, MAX(CASE WHEN rn = (n * 50 + 99) / 100 THEN duration_ms END) AS p50,
       MAX(CASE WHEN rn = (n * 95 + 99) / 100 THEN duration_ms END) AS p95 FROM (
    SELECT b, duration_ms, ROW_NUMBER() OVER (PARTITION BY b ORDER BY duration_ms) AS rn, COUNT(*) OVER (PARTITION BY b) AS n
      FROM (SELECT ${bucketOf('a.started_at')} AS b, a.duration_ms ${ATTEMPTS_IN_WINDOW}) t) ranked
  GROUP BY b`;

/** Delivery statistics computed in SQL that runs the same on PostgreSQL and SQLite. */
export class WebhookStats {
  constructor(private readonly deps: { sql: SqlRunner; clock: Clock }) {}

  /**
   * One subscription's figures over the last `windowMs`; with `buckets`, also the same figures
   * for each equal slice of the window, oldest first, for charts. Each slice counts what happened
   * in it: deliveries created, attempts started. The caller checks the subscription exists.
   */
  async forSubscription(subscriptionId: string, options: { tenant: string; windowMs: number; buckets?: number }): Promise<SubscriptionStatsView> {
    const until = this.deps.clock.now().getTime();
    const window = { id: subscriptionId, tenant: options.tenant, since: until - options.windowMs, until, windowMs: options.windowMs };
    const [[whole], [row]] = await Promise.all([
      this.figures(window, 1),
      this.deps.sql.rows<{ concurrency_limit: Count | null }>(`SELECT concurrency_limit FROM webhook_subscription WHERE id = :id AND tenant = :tenant`, window),
    ]);
    const current = { ...whole, concurrencyLimit: row?.concurrency_limit == null ? null : Number(row.concurrency_limit) };
    return options.buckets ? { ...current, series: await this.figures(window, options.buckets) } : current;
  }

  private async figures(
    window: { id: string; tenant: string; since: number; until: number; windowMs: number },
    buckets: number,
  ): Promise<SubscriptionStatsView[]> {
    const { id: subscriptionId, since, windowMs } = window;
    const params: BucketParams & Record<string, unknown> = { ...window, buckets, last: buckets - 1 };
    const { sql } = this.deps;
    const [byStatus, counts, retried, latency] = await Promise.all([
      sql.rows<{ b: Count; status: DeliveryStatus; n: Count }>(DELIVERIES_BY_STATUS, params),
      sql.rows<{ b: Count; attempts: Count; attempted: Count }>(ATTEMPT_COUNTS, params),
      sql.rows<{ b: Count; n: Count }>(RETRIED_DELIVERIES, params),
      sql.rows<{ b: Count; p50: Count; p95: Count }>(LATENCY_PERCENTILES, params),
    ]);
    return Array.from({ length: buckets }, (_, index) => {
      const deliveries = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
      for (const row of byStatus.filter((r) => Number(r.b) === index)) deliveries[row.status] = Number(row.n);
      const total = DELIVERY_STATUSES.reduce((sum, s) => sum + deliveries[s], 0);
      const attempts = Number(counts.find((r) => Number(r.b) === index)?.attempts ?? 0);
      const attempted = Number(counts.find((r) => Number(r.b) === index)?.attempted ?? 0);
      const percentiles = latency.find((r) => Number(r.b) === index);
      const settled = deliveries.delivered + deliveries.failed;
      return {
        subscriptionId,
        since: new Date(since + Math.round((windowMs * index) / buckets)),
        until: new Date(since + Math.round((windowMs * (index + 1)) / buckets)),
        deliveries: { ...deliveries, total },
        attempts,
        successRate: settled > 0 ? deliveries.delivered / settled : null,
        retryRate: attempted > 0 ? Number(retried.find((r) => Number(r.b) === index)?.n ?? 0) / attempted : null,
        latencyMs: percentiles ? { p50: Number(percentiles.p50), p95: Number(percentiles.p95) } : null,
      };
    });
  }
}
