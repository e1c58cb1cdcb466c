import { HooklineError } from '@hookline/core';

/** At most this many attempts per second or per minute, across every worker process. Either or both. */
export interface RateLimit {
  perSecond?: number;
  perMinute?: number;
}

/** The most a limit can say: past these a limit is no limit, and the bucket's microsecond arithmetic stays exact. */
export const MAX_RATE_PER_SECOND = 10_000;
export const MAX_RATE_PER_MINUTE = 600_000;

/** A subscription's `rateLimit` refused: not an object, no limit in it, or a limit that is no positive integer within the maxima. */
export class InvalidRateLimitError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_RATE_LIMIT';
}

const FIELDS = [
  { key: 'perSecond', pointer: '/rate_limit/per_second', max: MAX_RATE_PER_SECOND },
  { key: 'perMinute', pointer: '/rate_limit/per_minute', max: MAX_RATE_PER_MINUTE },
] as const;

/**
 * What is wrong with a `rateLimit` option (null and undefined are fine: no limit), with the
 * pointer of the REST field, so the API and the service say the same thing.
 */
export function rateLimitIssue(rateLimit: unknown): { pointer: string; detail: string } | undefined {
  if (rateLimit === undefined || rateLimit === null) return undefined;
  if (typeof rateLimit !== 'object' || Array.isArray(rateLimit)) {
    return { pointer: '/rate_limit', detail: 'rate_limit must be an object such as { "per_second": 20 }, or null for no limit.' };
  }
  const given = rateLimit as Record<string, unknown>;
  const unknown = Object.keys(given).find((key) => !FIELDS.some((f) => f.key === key));
  if (unknown !== undefined) return { pointer: `/rate_limit/${unknown}`, detail: 'rate_limit takes per_second and per_minute only.' };
  for (const { key, pointer, max } of FIELDS) {
    const value = given[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
      return { pointer, detail: `${pointer.slice(12)} must be a whole number from 1 to ${max}.` };
    }
  }
  if (given.perSecond == null && given.perMinute == null) {
    return { pointer: '/rate_limit', detail: 'rate_limit needs per_second, per_minute or both; send null to remove the limit.' };
  }
  return undefined;
}

/** The limit as stored (null columns: no limit), after {@link rateLimitIssue} found nothing wrong. */
export function rateLimitColumns(rateLimit: RateLimit | null | undefined): { rateLimitPerSecond: number | null; rateLimitPerMinute: number | null } {
  return { rateLimitPerSecond: rateLimit?.perSecond ?? null, rateLimitPerMinute: rateLimit?.perMinute ?? null };
}

/** The stored limit as callers see it; null when the subscription has none. */
export function rateLimitOf(row: { rateLimitPerSecond: number | null; rateLimitPerMinute: number | null }): RateLimit | null {
  if (row.rateLimitPerSecond == null && row.rateLimitPerMinute == null) return null;
  return {
    ...(row.rateLimitPerSecond != null && { perSecond: Number(row.rateLimitPerSecond) }),
    ...(row.rateLimitPerMinute != null && { perMinute: Number(row.rateLimitPerMinute) }),
  };
}
