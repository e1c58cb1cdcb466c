import { RetryPolicy } from './retry-policy';
import { type RetrySchedulePreset, retrySchedules } from './retry-schedules';

const s = 1000;
const min = 60 * s;
const h = 60 * min;

describe('retrySchedules', () => {
  it.each<[RetrySchedulePreset, number[], number | undefined]>([
    ['standard', [5 * s, 5 * min, 30 * min, 2 * h, 5 * h, 10 * h, 10 * h], 8],
    ['mgpass', [1 * s, 5 * s, 25 * s], 4],
    ['loyali', [1 * min, 5 * min, 30 * min, 2 * h], 5],
    ['mage', [1 * min, 5 * min, 25 * min], 4],
  ])('%s waits %j between attempts, %d attempts in all', (preset, delays, maxAttempts) => {
    const policy = new RetryPolicy(retrySchedules[preset]);
    expect(policy.delays()).toEqual(delays);
    expect(policy.maxAttempts).toBe(maxAttempts);
  });

  it('loyalpro doubles from 1 min, caps at 12 h and stops within 72 h', () => {
    const delays = new RetryPolicy(retrySchedules.loyalpro).delays();
    const doubling = Array.from({ length: 10 }, (_, i) => min * 2 ** i); // 1 min … 512 min
    expect(delays).toEqual([...doubling, 12 * h, 12 * h, 12 * h, 12 * h]);
    expect(delays.reduce((sum, d) => sum + d, 0)).toBeLessThanOrEqual(72 * h);
  });

  it('loyalpro is bounded by time, not by a count', () => {
    expect(new RetryPolicy(retrySchedules.loyalpro).maxAttempts).toBeUndefined();
  });

  it('is what a policy without options uses', () => {
    expect(new RetryPolicy().delays()).toEqual(new RetryPolicy(retrySchedules.standard).delays());
  });
});
