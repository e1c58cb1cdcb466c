import type { DeliveryOutcome } from '../delivery/delivery-outcome';
import type { Clock } from '../clock';

/** Delays that grow by `factor` from `initialDelayMs`, each capped at `maxDelayMs`. */
export interface ExponentialBackoffOptions {
  initialDelayMs: number;
  /** Growth per retry; default 2. */
  factor?: number;
  maxDelayMs: number;
  /** At least one of `maxRetries` and `maxElapsedMs` is required, so a dead endpoint is not retried forever. */
  maxRetries?: number;
  /** Give up when the next attempt would start later than this after the first one. */
  maxElapsedMs?: number;
}

/** Give exactly one of `schedule` and `exponential`; neither means the standard schedule. */
export interface RetryPolicyOptions {
  /** Milliseconds to wait before each retry; its length is the number of retries. */
  schedule?: readonly number[];
  exponential?: ExponentialBackoffOptions;
  /** Spread of each scheduled delay as a fraction (0.2 → ±20%) so failed deliveries do not retry in lockstep; 0 disables. */
  jitter?: number;
  /** Upper bound on a receiver's `Retry-After`, so one header cannot park a delivery for days. */
  maxRetryAfterMs?: number;
  /**
   * Whether a failed outcome may be retried at all (default: every one but 410 and an SSRF
   * block). Return false to make more outcomes final, e.g. a 400 from an endpoint that will
   * never accept the payload.
   */
  retryIf?: (outcome: DeliveryOutcome) => boolean;
  /** Source of randomness in [0, 1) for jitter; injected for deterministic tests. */
  random?: () => number;
  /** Supplies `now` when `decide` is not given one. */
  clock?: Clock;
}

export const DEFAULT_JITTER = 0.2;
export const DEFAULT_MAX_RETRY_AFTER_MS = 60 * 60 * 1000;
export const DEFAULT_BACKOFF_FACTOR = 2;
