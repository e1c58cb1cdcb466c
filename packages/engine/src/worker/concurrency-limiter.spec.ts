import { ConcurrencyLimiter, type LimitSignal } from './concurrency-limiter';

const bounds = { min: 1, max: 100, initial: 10 };

/** Feeds `count` samples taken with the limit in full use, 200 ms of clock apart. */
function feed(limiter: ConcurrencyLimiter, count: number, durationMs: number, signal: LimitSignal = 'ok', start = 0): number {
  let now = start;
  for (let i = 0; i < count; i += 1) {
    now += 200;
    limiter.onSample({ durationMs, signal, inFlight: limiter.limit, now });
  }
  return now;
}

describe('ConcurrencyLimiter', () => {
  it('starts at initial and grows to max within a few dozen fast answers while the limit is in use', () => {
    const limiter = new ConcurrencyLimiter(bounds);
    expect(limiter.limit).toBe(10);
    feed(limiter, 20, 2);
    expect(limiter.limit).toBeGreaterThan(20);
    feed(limiter, 100, 2);
    expect(limiter.limit).toBe(100);
  });

  it('does not grow while the endpoint has room to spare (nothing proves more would help)', () => {
    const limiter = new ConcurrencyLimiter(bounds);
    for (let i = 0; i < 100; i += 1) limiter.onSample({ durationMs: 2, signal: 'ok', inFlight: 2, now: i * 200 });
    expect(limiter.limit).toBe(10);
  });

  it('halves on overload (429, 503, timeouts), once per moment however many fail together', () => {
    const limiter = new ConcurrencyLimiter(bounds);
    const now = feed(limiter, 200, 2);
    expect(limiter.limit).toBe(100);
    for (let i = 0; i < 50; i += 1) limiter.onSample({ durationMs: 2, signal: 'overload', inFlight: 100, now: now + 1 });
    expect(limiter.limit).toBe(50);
    limiter.onSample({ durationMs: 2, signal: 'overload', inFlight: 50, now: now + 500 });
    expect(limiter.limit).toBe(25);
  });

  it('trims by a tenth on other failures and ignores answers about the request (4xx)', () => {
    const limiter = new ConcurrencyLimiter(bounds);
    limiter.onSample({ durationMs: 2, signal: 'neutral', inFlight: 10, now: 0 });
    expect(limiter.limit).toBe(10);
    limiter.onSample({ durationMs: 2, signal: 'failure', inFlight: 10, now: 1 });
    expect(limiter.limit).toBe(9);
  });

  it('shrinks when latency rises well above its own long-term average', () => {
    const limiter = new ConcurrencyLimiter(bounds);
    const now = feed(limiter, 200, 5);
    expect(limiter.limit).toBe(100);
    feed(limiter, 30, 60, 'ok', now);
    expect(limiter.limit).toBeLessThan(40);
  });

  it('never goes below min or above max, and a slow endpoint is held to initial', () => {
    const limiter = new ConcurrencyLimiter(bounds);
    for (let i = 0; i < 20; i += 1) limiter.onSample({ durationMs: 1, signal: 'overload', inFlight: 1, now: i * 1_000 });
    expect(limiter.limit).toBe(1);
    const slow = new ConcurrencyLimiter(bounds);
    feed(slow, 200, 5_000);
    expect(slow.limit).toBe(10);
  });

  it('stays put when min = max (the fixed form)', () => {
    const fixed = new ConcurrencyLimiter({ min: 4, max: 4, initial: 4 });
    feed(fixed, 100, 2);
    fixed.onSample({ durationMs: 2, signal: 'overload', inFlight: 4, now: 1e9 });
    expect(fixed.limit).toBe(4);
  });

  it('restarts from min, and earns its way back up', () => {
    const limiter = new ConcurrencyLimiter(bounds);
    feed(limiter, 200, 2);
    limiter.reset();
    expect(limiter.limit).toBe(1);
    feed(limiter, 60, 2);
    expect(limiter.limit).toBeGreaterThan(10);
  });
});
