import type { SqlDialect } from '../storage/dialects/sql-dialect';
import type { TableNames } from '../options/table-placement';
import { bucketOf } from './stats-buckets';

/** The bucketed statistics queries; each takes {@link BucketParams} and `:id`, `:tenant`. */
export interface StatsStatements {
  deliveriesByStatus: string;
  attemptCounts: string;
  retriedDeliveries: string;
  latencyPercentiles: string;
}

/** The statements in the dialect's integer arithmetic, over the tables where they are. */
export function statsStatements(dialect: SqlDialect, tables: TableNames): StatsStatements {
  // Attempts are joined to their delivery to know the subscription; the tenant narrows both sides.
  const ATTEMPTS_IN_WINDOW = `FROM ${tables.attempt} a JOIN ${tables.delivery} d ON d.id = a.delivery_id
  WHERE d.subscription_id = :id AND d.tenant = :tenant AND a.tenant = :tenant AND a.started_at >= :since`;
  const attemptBucket = bucketOf(dialect, 'a.started_at');
  // Nearest-rank percentiles with window functions (SQLite has no percentile function): the rank
  // of percentile k in n values is ceil(n·k/100), written in integer arithmetic as (n·k + 99) / 100.
  const rank = (k: number) => dialect.quotient(`n * ${k} + 99`, '100');
  return {
    deliveriesByStatus: `SELECT b, status, COUNT(*) AS n FROM (
    SELECT ${bucketOf(dialect, 'created_at')} AS b, status FROM ${tables.delivery}
     WHERE subscription_id = :id AND tenant = :tenant AND created_at >= :since) t
  GROUP BY b, status`,
    attemptCounts: `SELECT b, COUNT(*) AS attempts, COUNT(DISTINCT delivery_id) AS attempted FROM (
    SELECT ${attemptBucket} AS b, a.delivery_id ${ATTEMPTS_IN_WINDOW}) t
  GROUP BY b`,
    retriedDeliveries: `SELECT b, COUNT(*) AS n FROM (
    SELECT b, delivery_id FROM (SELECT ${attemptBucket} AS b, a.delivery_id ${ATTEMPTS_IN_WINDOW}) t
     GROUP BY b, delivery_id HAVING COUNT(*) > 1) r
  GROUP BY b`,
    latencyPercentiles: `SELECT b, MAX(CASE WHEN rn = ${rank(50)} THEN duration_ms END) AS p50,
       MAX(CASE WHEN rn = ${rank(95)} THEN duration_ms END) AS p95 FROM (
    SELECT b, duration_ms, ROW_NUMBER() OVER (PARTITION BY b ORDER BY duration_ms) AS rn, COUNT(*) OVER (PARTITION BY b) AS n
      FROM (SELECT ${attemptBucket} AS b, a.duration_ms ${ATTEMPTS_IN_WINDOW}) t) ranked
  GROUP BY b`,
  };
}
