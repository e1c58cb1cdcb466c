import type { SqlDialect } from '../storage/dialects/sql-dialect';

/** The named parameters every bucketed statistics query takes; times are epoch milliseconds. */
export interface BucketParams {
  since: number;
  until: number;
  windowMs: number;
  buckets: number;
  /** buckets - 1: rows stamped at or after `until` (clock skew between writers) count in the last bucket. */
  last: number;
}

/**
 * SQL for the index (0 … buckets-1) of the equal slice of [since, until) that an epoch-ms column
 * falls in: the quotient truncates, which is floor here.
 */
export function bucketOf(dialect: SqlDialect, column: string): string {
  return `CASE WHEN ${column} >= :until THEN :last ELSE ${dialect.quotient(`(${column} - :since) * :buckets`, ':windowMs')} END`;
}

/** Most buckets one request may ask for: enough for a minute-by-minute hour or an hourly 4 days. */
export const MAX_STATS_BUCKETS = 120;
