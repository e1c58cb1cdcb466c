import type { Clock } from '@hookline/core';
import type { SqlRunner } from '../storage/sql-runner';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../storage/webhook-delivery.entity';
import type { BucketParams } from './stats-buckets';
import { statsStatements, type StatsStatements } from './stats-statements';
import type { SubscriptionStatsView } from './subscription-stats-view';

type Count = number | string;

/** Delivery statistics computed in SQL that runs the same on every database. */
export class WebhookStats {
  private built?: StatsStatements;

  constructor(private readonly deps: { sql: SqlRunner; clock: Clock }) {}

  // Built at first use: the table names are known once the DataSource is initialized.
  private get statements(): StatsStatements {
    return (this.built ??= statsStatements(this.deps.sql.dialect, this.deps.sql.tables));
  }

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
      this.deps.sql.rows<{ concurrency_limit: Count | null; rate_limited_until: Count | null }>(`SELECT concurrency_limit, rate_limited_until FROM ${this.deps.sql.tables.subscription} WHERE id = :id AND tenant = :tenant`, window),
    ]);
    const heldUntil = row?.rate_limited_until == null ? null : Number(row.rate_limited_until);
    const current = {
      ...whole,
      concurrencyLimit: row?.concurrency_limit == null ? null : Number(row.concurrency_limit),
      rateLimitedUntil: heldUntil !== null && heldUntil > until ? new Date(heldUntil) : null,
    };
    return options.buckets ? { ...current, series: await this.figures(window, options.buckets) } : current;
  }

  private async figures(
    window: { id: string; tenant: string; since: number; until: number; windowMs: number },
    buckets: number,
  ): Promise<SubscriptionStatsView[]> {
    const { id: subscriptionId, since, windowMs } = window;
    const params: BucketParams & Record<string, unknown> = { ...window, buckets, last: buckets - 1 };
    const { sql } = this.deps;
    const { deliveriesByStatus, attemptCounts, retriedDeliveries, latencyPercentiles } = this.statements;
    const [byStatus, counts, retried, latency] = await Promise.all([
      sql.rows<{ b: Count; status: DeliveryStatus; n: Count }>(deliveriesByStatus, params),
      sql.rows<{ b: Count; attempts: Count; attempted: Count }>(attemptCounts, params),
      sql.rows<{ b: Count; n: Count }>(retriedDeliveries, params),
      sql.rows<{ b: Count; p50: Count; p95: Count }>(latencyPercentiles, params),
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
