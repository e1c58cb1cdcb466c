import { RetryPolicyConfigError } from './retry-policy-config-error';
import type { ExponentialBackoffOptions, RetryPolicyOptions } from './retry-policy-options';

// '/exponential/maxDelayMs' → 'exponential.maxDelayMs', '/schedule/2' → 'schedule[2]'.
function optionPath(pointer: string): string {
  return pointer.slice(1).replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.');
}

function fail(pointer: string, problem: string): never {
  throw new RetryPolicyConfigError(`Invalid retry policy: ${optionPath(pointer)} ${problem}.`, {
    pointer,
  });
}

function requireDuration(value: unknown, pointer: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(pointer, `must be a non-negative finite number of milliseconds, got ${String(value)}`);
  }
}

function validateExponential(exponential: ExponentialBackoffOptions): void {
  const { initialDelayMs, factor, maxDelayMs, maxRetries, maxElapsedMs } = exponential;
  requireDuration(initialDelayMs, '/exponential/initialDelayMs');
  // A zero start never grows, so an elapsed-time bound alone would allow endless immediate retries.
  if (initialDelayMs === 0) fail('/exponential/initialDelayMs', 'must be greater than 0; use a schedule of zeros for immediate retries');
  requireDuration(maxDelayMs, '/exponential/maxDelayMs');
  if (maxDelayMs < initialDelayMs) fail('/exponential/maxDelayMs', `must be at least initialDelayMs (${initialDelayMs})`);
  if (factor !== undefined && (typeof factor !== 'number' || !Number.isFinite(factor) || factor < 1)) {
    fail('/exponential/factor', `must be a finite number of at least 1, got ${String(factor)}`);
  }
  if (maxRetries !== undefined && (!Number.isInteger(maxRetries) || maxRetries < 0)) {
    fail('/exponential/maxRetries', `must be a non-negative integer, got ${String(maxRetries)}`);
  }
  if (maxElapsedMs !== undefined) requireDuration(maxElapsedMs, '/exponential/maxElapsedMs');
  if (maxRetries === undefined && maxElapsedMs === undefined) {
    fail('/exponential', 'needs maxRetries or maxElapsedMs, otherwise a dead endpoint is retried forever');
  }
}

/** Throws a `RetryPolicyConfigError` naming the first option that cannot work. */
export function validateRetryPolicyOptions(options: RetryPolicyOptions): void {
  const { schedule, exponential, jitter, maxRetryAfterMs, random, retryIf } = options;
  if (schedule !== undefined && exponential !== undefined) {
    fail('/schedule', 'and exponential are mutually exclusive; keep only one');
  }
  if (schedule !== undefined) {
    if (!Array.isArray(schedule)) fail('/schedule', 'must be an array of delays in milliseconds');
    schedule.forEach((delay, index) => requireDuration(delay, `/schedule/${index}`));
  }
  if (exponential !== undefined) validateExponential(exponential);
  if (jitter !== undefined && (typeof jitter !== 'number' || !(jitter >= 0 && jitter < 1))) {
    fail('/jitter', `must be a fraction in [0, 1), e.g. 0.2 for ±20%, got ${String(jitter)}`);
  }
  if (maxRetryAfterMs !== undefined) requireDuration(maxRetryAfterMs, '/maxRetryAfterMs');
  if (random !== undefined && typeof random !== 'function') fail('/random', 'must be a function returning [0, 1)');
  if (retryIf !== undefined && typeof retryIf !== 'function') fail('/retryIf', 'must be a function (outcome) => boolean');
}
