import { RetryPolicy } from './retry-policy';
import { RetryPolicyConfigError } from './retry-policy-config-error';
import type { RetryPolicyOptions } from './retry-policy-options';

function configError(options: RetryPolicyOptions): RetryPolicyConfigError {
  try {
    new RetryPolicy(options);
  } catch (error) {
    if (error instanceof RetryPolicyConfigError) return error;
    throw error;
  }
  throw new Error('expected a RetryPolicyConfigError');
}

describe('retry policy validation', () => {
  it('rejects a schedule and exponential together', () => {
    const error = configError({ schedule: [1000], exponential: { initialDelayMs: 1, maxDelayMs: 1, maxRetries: 1 } });
    expect(error.code).toBe('HOOKLINE_INVALID_RETRY_POLICY');
    expect(error.message).toMatch(/mutually exclusive; keep only one/);
  });

  it.each<[string, RetryPolicyOptions, string, RegExp]>([
    ['a negative delay', { schedule: [1000, -1] }, '/schedule/1', /schedule\[1\] must be a non-negative finite number/],
    ['an infinite delay', { schedule: [Infinity] }, '/schedule/0', /non-negative finite/],
    ['a NaN delay', { schedule: [NaN] }, '/schedule/0', /non-negative finite/],
    ['a schedule that is not an array', { schedule: 5000 as never }, '/schedule', /must be an array/],
    ['jitter of 1', { jitter: 1 }, '/jitter', /fraction in \[0, 1\)/],
    ['negative jitter', { jitter: -0.1 }, '/jitter', /fraction in \[0, 1\)/],
    ['a negative maxRetryAfterMs', { maxRetryAfterMs: -1 }, '/maxRetryAfterMs', /non-negative/],
    ['a random that is not a function', { random: 0.5 as never }, '/random', /must be a function/],
    ['a retryIf that is not a function', { retryIf: true as never }, '/retryIf', /must be a function/],
    [
      'exponential without a bound',
      { exponential: { initialDelayMs: 1000, maxDelayMs: 5000 } },
      '/exponential',
      /needs maxRetries or maxElapsedMs/,
    ],
    [
      'a zero initial delay',
      { exponential: { initialDelayMs: 0, maxDelayMs: 5000, maxElapsedMs: 1000 } },
      '/exponential/initialDelayMs',
      /greater than 0/,
    ],
    [
      'a cap below the initial delay',
      { exponential: { initialDelayMs: 1000, maxDelayMs: 500, maxRetries: 3 } },
      '/exponential/maxDelayMs',
      /at least initialDelayMs \(1000\)/,
    ],
    [
      'a shrinking factor',
      { exponential: { initialDelayMs: 1000, factor: 0.5, maxDelayMs: 5000, maxRetries: 3 } },
      '/exponential/factor',
      /at least 1/,
    ],
    [
      'a fractional maxRetries',
      { exponential: { initialDelayMs: 1000, maxDelayMs: 5000, maxRetries: 2.5 } },
      '/exponential/maxRetries',
      /non-negative integer/,
    ],
    [
      'a negative maxElapsedMs',
      { exponential: { initialDelayMs: 1000, maxDelayMs: 5000, maxElapsedMs: -1 } },
      '/exponential/maxElapsedMs',
      /non-negative/,
    ],
    [
      'a sequence too long to be meant',
      { exponential: { initialDelayMs: 1, factor: 1, maxDelayMs: 1, maxElapsedMs: 72 * 3_600_000 } },
      '/exponential',
      /more than 10000 times/,
    ],
  ])('rejects %s and points at it', (_, options, pointer, message) => {
    const error = configError(options);
    expect(error.pointer).toBe(pointer);
    expect(error.message).toMatch(message);
  });

  it('accepts jitter of 0 and a retry-less schedule', () => {
    expect(() => new RetryPolicy({ schedule: [], jitter: 0 })).not.toThrow();
  });
});
