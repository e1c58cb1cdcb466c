import type { DeliveryOutcome } from '../delivery/delivery-outcome';
import { RetryPolicy } from './retry-policy';
import type { ExponentialBackoffOptions } from './retry-policy-options';
import { retrySchedules } from './retry-schedules';

const now = new Date('2026-01-01T12:00:00Z');
const ok: DeliveryOutcome = { ok: true, statusCode: 204, durationMs: 12 };
const status = (statusCode: number, retryAfter?: string): DeliveryOutcome => ({
  ok: false,
  statusCode,
  durationMs: 12,
  retryAfter,
  error: { kind: 'http-status', message: `HTTP ${statusCode}` },
});
const timeout: DeliveryOutcome = { ok: false, durationMs: 15_000, error: { kind: 'timeout', message: 'no response in 15 s' } };
const network: DeliveryOutcome = { ok: false, durationMs: 3, error: { kind: 'network', message: 'ECONNREFUSED', code: 'ECONNREFUSED' } };
const redirect: DeliveryOutcome = { ok: false, statusCode: 302, durationMs: 5, error: { kind: 'redirect', message: 'redirects are not followed' } };
const unsafeUrl: DeliveryOutcome = { ok: false, durationMs: 0, error: { kind: 'unsafe-url', message: 'private address' } };

/** A policy with the given schedule and no jitter, so delays are exact. */
const exact = (schedule: number[] = [1000, 5000, 25000]) => new RetryPolicy({ schedule, jitter: 0 });

describe('RetryPolicy', () => {
  describe('outcomes', () => {
    it('succeeds on any 2xx', () => {
      expect(exact().decide({ attempts: 1, outcome: ok, now })).toEqual({ action: 'succeed' });
    });

    it('gives up at once with "gone" on 410, even with retries left', () => {
      const decision = exact().decide({ attempts: 1, outcome: status(410), now });
      expect(decision).toMatchObject({ action: 'give-up', reason: 'gone' });
      expect(decision).toHaveProperty('detail', expect.stringMatching(/410.*disable/));
    });

    it.each([
      ['a 500', status(500)],
      ['a 404', status(404)],
      ['a timeout', timeout],
      ['a network error', network],
      ['a redirect', redirect],
    ])('retries after %s per the schedule', (_, outcome) => {
      expect(exact().decide({ attempts: 1, outcome, now })).toMatchObject({ action: 'retry', delayMs: 1000 });
      expect(exact().decide({ attempts: 3, outcome, now })).toMatchObject({ action: 'retry', delayMs: 25000 });
    });

    it('gives up at once with "blocked" when the SSRF guard refused the address', () => {
      const decision = exact().decide({ attempts: 1, outcome: unsafeUrl, now });
      expect(decision).toMatchObject({ action: 'give-up', reason: 'blocked' });
      expect(decision).toHaveProperty('detail', expect.stringMatching(/SSRF guard/));
    });

    it('makes an outcome final when retryIf says no, and retries the others', () => {
      const policy = new RetryPolicy({ schedule: [1000], jitter: 0, retryIf: (outcome) => outcome.statusCode !== 400 });
      expect(policy.decide({ attempts: 1, outcome: status(400), now })).toMatchObject({ action: 'give-up', reason: 'rejected' });
      expect(policy.decide({ attempts: 1, outcome: status(500), now })).toMatchObject({ action: 'retry', delayMs: 1000 });
      expect(policy.decide({ attempts: 1, outcome: ok, now })).toEqual({ action: 'succeed' });
    });

    it('says why and which retry it schedules', () => {
      expect(exact().decide({ attempts: 2, outcome: timeout, now })).toHaveProperty(
        'reason',
        'timeout: no response in 15 s; retry 2 of 3 as scheduled',
      );
    });

    it('gives up as exhausted after the last scheduled retry', () => {
      const decision = exact().decide({ attempts: 4, outcome: status(500), now });
      expect(decision).toEqual({ action: 'give-up', reason: 'exhausted', detail: 'HTTP 500; no retries left after 4 attempts' });
    });

    it('never retries with an empty schedule', () => {
      const policy = exact([]);
      expect(policy.maxAttempts).toBe(1);
      expect(policy.decide({ attempts: 1, outcome: status(500), now })).toMatchObject({ action: 'give-up', reason: 'exhausted' });
    });

    it('rejects an attempt count below 1', () => {
      expect(() => exact().decide({ attempts: 0, outcome: status(500), now })).toThrow(RangeError);
    });
  });

  describe('jitter', () => {
    const withRandom = (value: number) => new RetryPolicy({ schedule: [10_000], random: () => value });

    it('shortens the delay to 0.8× when random returns 0', () => {
      expect(withRandom(0).decide({ attempts: 1, outcome: status(500), now })).toMatchObject({ delayMs: 8_000 });
    });

    it('lengthens the delay to about 1.2× when random returns just under 1', () => {
      expect(withRandom(0.999999).decide({ attempts: 1, outcome: status(500), now })).toMatchObject({ delayMs: 12_000 });
    });

    it('honours a custom spread and can be turned off', () => {
      const half = new RetryPolicy({ schedule: [10_000], jitter: 0.5, random: () => 0 });
      expect(half.decide({ attempts: 1, outcome: status(500), now })).toMatchObject({ delayMs: 5_000 });
      const off = new RetryPolicy({ schedule: [10_000], jitter: 0, random: () => 0 });
      expect(off.decide({ attempts: 1, outcome: status(500), now })).toMatchObject({ delayMs: 10_000 });
    });

    it('stays within ±20% over many samples', () => {
      const policy = new RetryPolicy({ schedule: [60_000] });
      const delays = Array.from({ length: 5_000 }, () => {
        const decision = policy.decide({ attempts: 1, outcome: timeout, now });
        return decision.action === 'retry' ? decision.delayMs : NaN;
      });
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(48_000);
      expect(Math.max(...delays)).toBeLessThanOrEqual(72_000);
      expect(new Set(delays).size).toBeGreaterThan(100);
    });

    it('keeps a 0 ms delay an immediate retry', () => {
      const policy = new RetryPolicy({ schedule: [0], random: () => 0.999 });
      expect(policy.decide({ attempts: 1, outcome: timeout, now })).toMatchObject({ delayMs: 0 });
    });

    it('leaves nominal delays untouched', () => {
      expect(new RetryPolicy({ schedule: [10_000], random: () => 0 }).delays()).toEqual([10_000]);
    });
  });

  describe('Retry-After', () => {
    it.each([429, 503])('waits as long as delta-seconds asks on %d', (code) => {
      const decision = exact().decide({ attempts: 1, outcome: status(code, '120'), now });
      expect(decision).toEqual({ action: 'retry', delayMs: 120_000, reason: `HTTP ${code}; retry 1 of 3 as Retry-After asks` });
    });

    it('waits until an HTTP-date, measured from now', () => {
      const outcome = status(503, 'Thu, 01 Jan 2026 12:10:00 GMT');
      expect(exact().decide({ attempts: 1, outcome, now })).toMatchObject({ delayMs: 10 * 60_000 });
    });

    it('keeps the scheduled delay when Retry-After asks for less', () => {
      expect(exact().decide({ attempts: 3, outcome: status(429, '1'), now })).toMatchObject({
        delayMs: 25_000,
        reason: 'HTTP 429; retry 3 of 3 as scheduled',
      });
    });

    it('clamps a long Retry-After to one hour by default', () => {
      expect(exact().decide({ attempts: 1, outcome: status(429, '86400'), now })).toMatchObject({ delayMs: 3_600_000 });
    });

    it('clamps to maxRetryAfterMs without shortening the schedule', () => {
      const policy = new RetryPolicy({ schedule: [1000, 600_000], jitter: 0, maxRetryAfterMs: 60_000 });
      expect(policy.decide({ attempts: 1, outcome: status(503, '3600'), now })).toMatchObject({ delayMs: 60_000 });
      expect(policy.decide({ attempts: 2, outcome: status(503, '3600'), now })).toMatchObject({ delayMs: 600_000 });
    });

    it('is honoured on any status that carries it, a 500 too', () => {
      expect(exact().decide({ attempts: 1, outcome: status(500, '120'), now })).toMatchObject({ delayMs: 120_000 });
      expect(exact().retryAfterMs(status(502, '7'), now)).toBe(7_000);
      expect(exact().retryAfterMs(status(503), now)).toBeUndefined();
    });

    it('is ignored when it is junk', () => {
      expect(exact().decide({ attempts: 1, outcome: status(503, 'later'), now })).toMatchObject({ delayMs: 1000 });
    });

    it('never adds attempts beyond the schedule', () => {
      expect(exact().decide({ attempts: 4, outcome: status(503, '5'), now })).toMatchObject({
        action: 'give-up',
        reason: 'exhausted',
      });
    });

    it('reads HTTP-dates against the injected clock when now is not given', () => {
      const policy = new RetryPolicy({ schedule: [1000], jitter: 0, clock: { now: () => now } });
      const outcome = status(503, 'Thu, 01 Jan 2026 12:01:00 GMT');
      expect(policy.decide({ attempts: 1, outcome })).toMatchObject({ delayMs: 60_000 });
    });
  });

  describe('exponential backoff', () => {
    const backoff = (exponential: ExponentialBackoffOptions) => new RetryPolicy({ exponential, jitter: 0 });

    it('grows by the factor (default 2) and caps each delay at maxDelayMs', () => {
      const policy = backoff({ initialDelayMs: 1000, maxDelayMs: 5000, maxRetries: 5 });
      expect(policy.delays()).toEqual([1000, 2000, 4000, 5000, 5000]);
      expect(policy.maxAttempts).toBe(6);
      expect(policy.decide({ attempts: 4, outcome: timeout, now })).toMatchObject({ delayMs: 5000 });
      expect(policy.decide({ attempts: 6, outcome: timeout, now })).toMatchObject({ action: 'give-up', reason: 'exhausted' });
    });

    it('lists nominal delays only while their sum fits maxElapsedMs', () => {
      const policy = backoff({ initialDelayMs: 1000, factor: 3, maxDelayMs: 60_000, maxElapsedMs: 40_000 });
      expect(policy.delays()).toEqual([1000, 3000, 9000, 27000]);
      expect(policy.maxAttempts).toBeUndefined();
    });

    it('gives up once the next attempt would start after maxElapsedMs from the first', () => {
      const policy = backoff({ initialDelayMs: 1000, maxDelayMs: 10_000, maxElapsedMs: 60_000 });
      const firstAttemptAt = new Date(now.getTime() - 55_000);
      expect(policy.decide({ attempts: 2, outcome: timeout, firstAttemptAt, now })).toMatchObject({ delayMs: 2000 });
      expect(policy.decide({ attempts: 4, outcome: timeout, firstAttemptAt, now })).toMatchObject({
        action: 'give-up',
        reason: 'exhausted',
      });
    });

    it('counts real elapsed time, which may allow retries beyond the nominal list', () => {
      const policy = backoff({ initialDelayMs: 1000, maxDelayMs: 1000, maxElapsedMs: 3000 });
      expect(policy.delays()).toEqual([1000, 1000, 1000]);
      const firstAttemptAt = new Date(now.getTime() - 1500);
      expect(policy.decide({ attempts: 5, outcome: timeout, firstAttemptAt, now })).toMatchObject({ action: 'retry' });
    });

    it('falls back to the nominal list without firstAttemptAt', () => {
      const policy = backoff({ initialDelayMs: 1000, maxDelayMs: 1000, maxElapsedMs: 3000 });
      expect(policy.decide({ attempts: 3, outcome: timeout, now })).toMatchObject({ action: 'retry' });
      expect(policy.decide({ attempts: 4, outcome: timeout, now })).toMatchObject({ action: 'give-up' });
    });

    it('gives up when a Retry-After would cross maxElapsedMs', () => {
      const policy = backoff({ initialDelayMs: 1000, maxDelayMs: 10_000, maxElapsedMs: 60_000 });
      const decision = policy.decide({ attempts: 1, outcome: status(429, '120'), firstAttemptAt: now, now });
      expect(decision).toMatchObject({ action: 'give-up', reason: 'exhausted' });
    });

    it('stops at whichever of maxRetries and maxElapsedMs comes first', () => {
      const policy = backoff({ initialDelayMs: 1000, maxDelayMs: 1000, maxRetries: 2, maxElapsedMs: 60_000 });
      expect(policy.delays()).toEqual([1000, 1000]);
      expect(policy.decide({ attempts: 3, outcome: timeout, firstAttemptAt: now, now })).toMatchObject({ action: 'give-up' });
    });

    it('jitters exponential delays too', () => {
      const policy = new RetryPolicy({ ...retrySchedules.mage, random: () => 0 });
      expect(policy.decide({ attempts: 2, outcome: timeout, now })).toMatchObject({ delayMs: 0.8 * 5 * 60_000 });
    });
  });

  it('is not changed by later edits to the options it was built from', () => {
    const schedule = [1000];
    const policy = exact(schedule);
    schedule.push(2000);
    expect(policy.delays()).toEqual([1000]);
  });
});
