import { ManualClock } from '@hookline/core';
import { busiestWindow } from '../../../../test/support/receipt-windows';
import { takeTokens, type BucketState, type RateLimits } from './rate-bucket';

const FULL: BucketState = { secondTatUs: 0, minuteTatUs: 0 };
const exact = { horizonMs: 0, lateMs: 0 };
const perSecond = (n: number): RateLimits => ({ perSecond: n, perMinute: null });

/** Asks for one token at a time as the clock moves, sending what may go now: the times they went. */
function drain(limits: RateLimits, clock: ManualClock, stepMs: number, untilMs: number): number[] {
  let state = FULL;
  const sent: number[] = [];
  while (clock.now().getTime() < untilMs) {
    const take = takeTokens(state, limits, clock.now().getTime(), 1, exact);
    sent.push(...take.sendAt);
    state = take.state;
    clock.advance(stepMs);
  }
  return sent;
}

describe('takeTokens', () => {
  it('lets a full bucket send its limit at once and tells the rest when their tokens come, at the limit pace', () => {
    const clock = new ManualClock(1_000_000);
    const take = takeTokens(FULL, perSecond(20), clock.now().getTime(), 25, { horizonMs: 0, lateMs: 0 });
    expect(take.sendAt).toHaveLength(20);
    expect(new Set(take.sendAt)).toEqual(new Set([1_000_000]));
    expect(take.later).toEqual([1_000_050, 1_000_100, 1_000_150, 1_000_200, 1_000_250]);
  });

  it('takes tokens due within the horizon now, each sent when due, and no more', () => {
    const now = 1_000_000;
    const spent = takeTokens(FULL, perSecond(20), now, 20, { horizonMs: 0, lateMs: 0 }).state;
    const take = takeTokens(spent, perSecond(20), now, 30, { horizonMs: 500, lateMs: 0 });
    expect(take.sendAt).toEqual(Array.from({ length: 10 }, (_, i) => now + 50 * (i + 1)));
    expect(take.later[0]).toBe(now + 550);
    // The state kept is the one after the ten taken: the next caller finds the eleventh token next.
    expect(takeTokens(take.state, perSecond(20), now + 500, 1, { horizonMs: 100, lateMs: 0 }).sendAt).toEqual([now + 550]);
  });

  it('earns tokens back over time: an idle bucket is full again after one window', () => {
    const now = 5_000;
    const spent = takeTokens(FULL, perSecond(10), now, 10, { horizonMs: 0, lateMs: 0 }).state;
    expect(takeTokens(spent, perSecond(10), now + 300, 10, { horizonMs: 0, lateMs: 0 }).sendAt).toHaveLength(3);
    expect(takeTokens(spent, perSecond(10), now + 1_000, 20, { horizonMs: 0, lateMs: 0 }).sendAt).toHaveLength(10);
  });

  it('never sends more than the burst plus the limit in any second, asked as often as anyone likes', () => {
    const clock = new ManualClock(0);
    const sent = drain(perSecond(20), clock, 7, 10_000);
    expect(busiestWindow(sent, 1_000)).toBeLessThanOrEqual(40);
    // After the first second, the pace is the limit's.
    expect(busiestWindow(sent.filter((t) => t >= 1_000), 1_000)).toBeLessThanOrEqual(21);
    expect(sent.length).toBeGreaterThanOrEqual(20 + 20 * 9);
    expect(sent.length).toBeLessThanOrEqual(20 + 20 * 10);
  });

  it('holds a per-minute limit in every sliding minute: its burst is one second worth, not a minute', () => {
    const clock = new ManualClock(0);
    const sent = drain({ perSecond: null, perMinute: 120 }, clock, 10, 180_000);
    expect(busiestWindow(sent, 60_000)).toBeLessThanOrEqual(122);
    expect(busiestWindow(sent, 1_000)).toBeLessThanOrEqual(4);
    expect(sent.length).toBeGreaterThanOrEqual(360);
  });

  it('honours a per-minute limit beside a per-second one: the stricter decides', () => {
    const clock = new ManualClock(0);
    const sent = drain({ perSecond: 5, perMinute: 60 }, clock, 10, 60_000);
    expect(busiestWindow(sent, 1_000)).toBeLessThanOrEqual(3);
    expect(sent.length).toBeGreaterThanOrEqual(60);
    expect(sent.length).toBeLessThanOrEqual(61);
  });

  it('keeps exact pace for limits that do not divide a second evenly (the stored time rounds up, never down)', () => {
    const clock = new ManualClock(0);
    const sent = drain(perSecond(3), clock, 1, 30_000);
    expect(sent.length).toBeLessThanOrEqual(3 + 3 * 30);
    expect(sent.length).toBeGreaterThanOrEqual(3 + 3 * 30 - 1);
  });

  it('gives up from the burst what a late start may add: sends up to lateMs late still stay within limit + burst', () => {
    const clock = new ManualClock(0);
    let state = FULL;
    const started: number[] = [];
    while (clock.now().getTime() < 10_000) {
      const now = clock.now().getTime();
      const take = takeTokens(state, perSecond(20), now, 1, { horizonMs: 0, lateMs: 100 });
      // Every other token starts as late as allowed.
      started.push(...take.sendAt.map((at) => at + (started.length % 2) * 100));
      state = take.state;
      clock.advance(7);
    }
    expect(busiestWindow(started, 1_000)).toBeLessThanOrEqual(40);
    expect(takeTokens(FULL, perSecond(20), 0, 40, { horizonMs: 0, lateMs: 100 }).sendAt).toHaveLength(18);
  });

  it('gives nothing and changes nothing when no token is due within the horizon', () => {
    const spent = takeTokens(FULL, perSecond(1), 0, 1, { horizonMs: 0, lateMs: 0 }).state;
    const take = takeTokens(spent, perSecond(1), 10, 3, { horizonMs: 100, lateMs: 0 });
    expect(take.sendAt).toEqual([]);
    expect(take.later).toEqual([1_000, 2_000, 3_000]);
    expect(take.state).toEqual(spent);
  });
});
