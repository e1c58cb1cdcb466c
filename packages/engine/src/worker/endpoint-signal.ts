import type { DeliveryOutcome, RetryPolicy } from '@hookline/core';
import type { LimitSignal } from './concurrency-limiter';

/** Statuses by which an endpoint (or its gateway) says it has too much to do. */
const OVERLOAD_STATUSES = new Set([429, 502, 503, 504]);
/** How long an overloaded endpoint's other deliveries wait when it gives no Retry-After. */
export const DEFAULT_PAUSE_MS = 1_000;

/**
 * What an attempt's outcome says about its endpoint, for the endpoint's lane: a signal for its
 * concurrency limit, and how long to hold its other deliveries: as long as a `Retry-After` asks
 * (capped by the retry policy, on any status; `asked`), or briefly after 429/502/503/504 without
 * one (the lane pauses then only if the endpoint has stopped succeeding altogether).
 */
export function endpointSignal(outcome: DeliveryOutcome, policy: RetryPolicy, now: Date): { signal: LimitSignal; pauseMs?: number; asked?: boolean } {
  if (outcome.ok) return { signal: 'ok' };
  const overloaded = OVERLOAD_STATUSES.has(outcome.statusCode ?? 0);
  const retryAfterMs = policy.retryAfterMs(outcome, now);
  const pauseMs = retryAfterMs ?? (overloaded ? DEFAULT_PAUSE_MS : undefined);
  const kind = outcome.error?.kind;
  let signal: LimitSignal = 'neutral';
  if (overloaded || kind === 'timeout') signal = 'overload';
  else if ((outcome.statusCode ?? 0) >= 500 || kind === 'network') signal = 'failure';
  if (pauseMs === undefined) return { signal };
  return retryAfterMs === undefined ? { signal, pauseMs } : { signal, pauseMs, asked: true };
}
