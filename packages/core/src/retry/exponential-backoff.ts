import { RetryPolicyConfigError } from './retry-policy-config-error';
import { DEFAULT_BACKOFF_FACTOR, type ExponentialBackoffOptions } from './retry-policy-options';

// Far beyond any sane webhook policy; a sequence this long means units were mixed up
// (e.g. seconds given as milliseconds), and listing it would take a long time.
const MAX_NOMINAL_RETRIES = 10_000;

/** Un-jittered delay before the retry at `index` (0-based), or `undefined` once `maxRetries` is used up. */
export function exponentialDelay(options: ExponentialBackoffOptions, index: number): number | undefined {
  const { initialDelayMs, factor = DEFAULT_BACKOFF_FACTOR, maxDelayMs, maxRetries } = options;
  if (maxRetries !== undefined && index >= maxRetries) return undefined;
  // factor ** index overflows to Infinity on long runs, which the cap absorbs.
  return Math.min(initialDelayMs * factor ** index, maxDelayMs);
}

/**
 * The nominal delays up to `maxRetries`, or while their sum (attempts taken as instant)
 * stays within `maxElapsedMs`. Expects validated options.
 */
export function exponentialDelays(options: ExponentialBackoffOptions): number[] {
  const delays: number[] = [];
  let elapsed = 0;
  for (let delay = exponentialDelay(options, 0); delay !== undefined; delay = exponentialDelay(options, delays.length)) {
    elapsed += delay;
    if (options.maxElapsedMs !== undefined && elapsed > options.maxElapsedMs) break;
    if (delays.length === MAX_NOMINAL_RETRIES) {
      throw new RetryPolicyConfigError(
        `Invalid retry policy: exponential would retry more than ${MAX_NOMINAL_RETRIES} times; raise initialDelayMs or maxDelayMs, or set maxRetries.`,
        { pointer: '/exponential' },
      );
    }
    delays.push(delay);
  }
  return delays;
}
