import type { BucketState, RateLimits } from './rate-bucket';

type Cell = number | string | null | undefined;

/** A subscription row's rate limit and bucket state (snake_case columns, as any driver returns them); null when it has no limit. */
export function rateOf(row: {
  rate_limit_per_second?: Cell;
  rate_limit_per_minute?: Cell;
  rate_second_tat_us?: Cell;
  rate_minute_tat_us?: Cell;
}): { limits: RateLimits; state: BucketState } | null {
  if (row.rate_limit_per_second == null && row.rate_limit_per_minute == null) return null;
  return {
    limits: {
      perSecond: row.rate_limit_per_second == null ? null : Number(row.rate_limit_per_second),
      perMinute: row.rate_limit_per_minute == null ? null : Number(row.rate_limit_per_minute),
    },
    state: { secondTatUs: Number(row.rate_second_tat_us ?? 0), minuteTatUs: Number(row.rate_minute_tat_us ?? 0) },
  };
}
