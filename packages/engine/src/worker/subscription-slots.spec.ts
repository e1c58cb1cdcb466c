import { LAG_MS, SubscriptionSlots, type SlotDecision } from './subscription-slots';

function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms), at: () => now };
}

/** Fixed limits keep these cases exact; the adaptive limit has its own cases below. */
function slots(limit: number, maxWaitMs = 50, maxDeferMs = 60_000, concurrency = { min: limit, max: limit, initial: limit }) {
  const clock = manualClock();
  return { clock, slots: new SubscriptionSlots({ concurrency, maxWaitMs, maxDeferMs, clock }) };
}

const ok = (durationMs = 2) => ({ durationMs, signal: 'ok' as const });
const overload = (pauseMs: number) => ({ durationMs: 2, signal: 'overload' as const, pauseMs });
const tick = () => new Promise((resolve) => setImmediate(resolve));

const granted = (decision: SlotDecision) => {
  if (!decision.granted) throw new Error('expected a slot');
  return decision;
};

describe('SubscriptionSlots', () => {
  it('grants up to the limit at once, then hands a released slot to the next in line', async () => {
    const { slots: s } = slots(2);
    const first = granted(await s.acquire('sub_a'));
    granted(await s.acquire('sub_a'));
    let third: SlotDecision | undefined;
    const waiting = s.acquire('sub_a').then((d) => (third = d));
    await Promise.resolve();
    expect(third).toBeUndefined();
    first.release(ok(5));
    await waiting;
    expect(third?.granted).toBe(true);
  });

  it('keeps subscriptions apart: a full one does not hold back another', async () => {
    const { slots: s } = slots(1);
    granted(await s.acquire('sub_slow'));
    expect((await s.acquire('sub_fast')).granted).toBe(true);
  });

  it('defers at once when the endpoint is slow, spacing deliveries at the pace it answers', async () => {
    const { clock, slots: s } = slots(2);
    granted(await s.acquire('sub_a'));
    granted(await s.acquire('sub_a'));
    clock.advance(4_000); // both attempts have now run 4 s
    const first = await s.acquire('sub_a');
    const second = await s.acquire('sub_a');
    expect(first).toEqual({ granted: false, retryAt: new Date(clock.at() + 2_000) });
    expect(second).toEqual({ granted: false, retryAt: new Date(clock.at() + 4_000) });
  });

  it('never defers further than maxDeferMs', async () => {
    const { clock, slots: s } = slots(1, 50, 10_000);
    granted(await s.acquire('sub_a'));
    clock.advance(30_000);
    const decision = await s.acquire('sub_a');
    expect(decision).toEqual({ granted: false, retryAt: new Date(clock.at() + 10_000) });
  });

  it('keeps thousands of a busy fast endpoint waiting in memory, each freed slot going to the next in line at once', async () => {
    const { clock, slots: s } = slots(10, 50);
    const running = await Promise.all(Array.from({ length: 10 }, () => s.acquire('sub_a').then(granted)));
    const order: number[] = [];
    const waiting = Array.from({ length: 3_000 }, (_, i) => s.acquire('sub_a').then((d) => (order.push(i), granted(d))));
    clock.advance(10_000); // long past maxWaitMs: a fast endpoint is still never deferred
    await tick();
    expect(order).toEqual([]);
    for (const slot of running) slot.release(ok());
    const next = await Promise.all(waiting.slice(0, 10));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    let released = next;
    for (let round = 1; round < 300; round += 1) {
      for (const slot of released) slot.release(ok());
      released = await Promise.all(waiting.slice(round * 10, round * 10 + 10));
    }
    expect(order).toEqual(Array.from({ length: 3_000 }, (_, i) => i));
  });

  it('does not take a busy fast endpoint for slow when this process stalls with every slot held', async () => {
    const { clock, slots: s } = slots(10, 5_000);
    for (let round = 0; round < 150; round += 1) {
      const held = await Promise.all(Array.from({ length: 10 }, () => s.acquire('sub_a').then(granted)));
      clock.advance(10);
      for (const slot of held) slot.release(ok(10));
    }
    const running = await Promise.all(Array.from({ length: 10 }, () => s.acquire('sub_a').then(granted)));
    const decisions: SlotDecision[] = [];
    const waiting = Array.from({ length: 3_000 }, () => s.acquire('sub_a').then((d) => (decisions.push(d), d)));
    clock.advance(1_500); // a long commit or GC: every attempt in flight has now "run" 1.5 s
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(decisions).toEqual([]); // nothing shed to the database
    for (const slot of running) slot.release(ok(1_500));
    expect((await Promise.all(waiting.slice(0, 10))).every((d) => d.granted)).toBe(true);
  });

  it('does not take a fast endpoint for slow from a stall of this process before its first answer, nor from the answers that stall delayed', async () => {
    const clock = manualClock();
    const stalled: { from: number; to: number }[] = [];
    const stalls = { within: (from: number, to: number) => stalled.reduce((ms, s) => ms + Math.max(0, Math.min(s.to, to) - Math.max(s.from, from)), 0) };
    const s = new SubscriptionSlots({ concurrency: { min: 10, max: 10, initial: 10 }, maxWaitMs: 5_000, maxDeferMs: 60_000, clock, stalls });
    const running = await Promise.all(Array.from({ length: 10 }, () => s.acquire('sub_a').then(granted)));
    const decisions: SlotDecision[] = [];
    const waiting = Array.from({ length: 990 }, () => s.acquire('sub_a').then((d) => (decisions.push(d), d)));
    // A publish of 40,000 rows on a synchronous driver: the loop held 2.5 s, the first requests not even sent.
    stalled.push({ from: clock.at(), to: clock.at() + 2_500 });
    clock.advance(2_502);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the lane's next look at its endpoint
    expect(decisions).toEqual([]);
    expect(s.backlogged(0)).toEqual([]);
    for (const slot of running) slot.release(ok(2_502)); // 2 ms of it the endpoint's
    for (let round = 0; round < 99; round += 1) {
      const next = await Promise.all(waiting.slice(round * 10, round * 10 + 10));
      for (const d of next) granted(d).release(ok());
    }
    expect(decisions.map((d) => d.granted)).toEqual(Array.from({ length: 990 }, () => true));
  });

  it('still takes an endpoint for slow when only part of its long attempts was this process stalling', async () => {
    const clock = manualClock();
    const stalls = { within: (from: number, to: number) => Math.max(0, Math.min(to, clock.at()) - Math.max(from, clock.at() - 500)) };
    const s = new SubscriptionSlots({ concurrency: { min: 2, max: 2, initial: 2 }, maxWaitMs: 50, maxDeferMs: 60_000, clock, stalls });
    granted(await s.acquire('sub_a'));
    granted(await s.acquire('sub_a'));
    clock.advance(4_000); // 4 s in flight, the last 0.5 s of it this process held
    const decision = await s.acquire('sub_a');
    expect(decision).toEqual({ granted: false, retryAt: new Date(clock.at() + 1_750) });
  });

  it('sheds the newest waiters once the endpoint turned out slow, keeping what it can take within maxWaitMs', async () => {
    const { clock, slots: s } = slots(1, 20);
    granted(await s.acquire('sub_a'));
    const waiting = s.acquire('sub_a');
    clock.advance(1_500); // the attempt in flight has now run 1.5 s
    expect((await waiting).granted).toBe(false);
  });

  it('takes an endpoint for slow before its first answer once it lags while others answer, shedding what it could not start within maxWaitMs', async () => {
    const { clock, slots: s } = slots(2, 1_000);
    granted(await s.acquire('sub_slow'));
    granted(await s.acquire('sub_slow'));
    const decisions: SlotDecision[] = [];
    const waiting = Array.from({ length: 10 }, () => s.acquire('sub_slow').then((d) => (decisions.push(d), d)));
    clock.advance(LAG_MS);
    expect(s.lagging('sub_slow')).toBe(false); // nothing else answered meanwhile: it may be this process
    granted(await s.acquire('sub_fast')).release(ok());
    expect(s.lagging('sub_slow')).toBe(true);
    expect(s.lagging('sub_fast')).toBe(false);
    // Two in flight for 250 ms, no answer: a slot every 125 ms at best, so 8 can start within 1 s.
    expect((await s.acquire('sub_slow')).granted).toBe(false);
    await Promise.all(waiting.slice(8));
    expect(decisions.map((d) => d.granted)).toEqual([false, false]);
  });

  it('does not take an endpoint for lagging while no answer comes back from anywhere (this process stalled)', async () => {
    const { clock, slots: s } = slots(2, 1_000);
    granted(await s.acquire('sub_b')).release(ok());
    granted(await s.acquire('sub_a'));
    granted(await s.acquire('sub_a'));
    clock.advance(900);
    expect(s.lagging('sub_a')).toBe(false);
    expect(s.backlogged(0)).toEqual([]);
  });

  it('grows a fast endpoint\'s limit while it keeps up, so more of its deliveries run at once', async () => {
    const { slots: s } = slots(10, 50, 60_000, { min: 1, max: 100, initial: 10 });
    expect(s.limitOf('sub_a')).toBeUndefined();
    for (let round = 0; round < 30; round += 1) {
      const limit = s.limitOf('sub_a') ?? 10;
      const held = await Promise.all(Array.from({ length: limit }, () => s.acquire('sub_a').then(granted)));
      for (const slot of held) slot.release(ok());
    }
    expect(s.limitOf('sub_a')).toBeGreaterThan(50);
    s.restartLow('sub_a');
    expect(s.limitOf('sub_a')).toBe(1);
  });

  it('pauses an endpoint that keeps answering 503: its other deliveries wait without an attempt, then go', async () => {
    const { clock, slots: s } = slots(2, 5_000, 60_000, { min: 1, max: 10, initial: 4 });
    granted(await s.acquire('sub_a')).release(overload(1_000));
    expect(s.limitOf('sub_a')).toBe(3); // one 503 beside nothing else yet: trimmed, not halved, no pause
    clock.advance(300); // still 503s 300 ms on, without a success: it is refusing everything
    for (let i = 0; i < 8; i++) granted(await s.acquire('sub_a')).release(overload(1_000));
    clock.advance(100);
    const tenth = granted(await s.acquire('sub_a')); // nine in the run: not paused yet
    tenth.release(overload(1_000));
    expect(s.limitOf('sub_a')).toBe(1); // halved
    let next: SlotDecision | undefined;
    const waiting = s.acquire('sub_a').then((d) => (next = d));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(next).toBeUndefined(); // paused, though a slot is free
    clock.advance(1_000);
    await waiting;
    expect(next?.granted).toBe(true);
  });

  it('does not pause an endpoint for the last two 503s of a storm, 300 ms apart', async () => {
    const { clock, slots: s } = slots(2, 5_000);
    granted(await s.acquire('sub_a')).release(overload(1_000));
    clock.advance(300);
    granted(await s.acquire('sub_a')).release(overload(1_000));
    expect((await s.acquire('sub_a')).granted).toBe(true);
  });

  it('does not pause an endpoint that still succeeds beside its 503s, unless its Retry-After asks', async () => {
    const { clock, slots: s } = slots(2, 5_000);
    granted(await s.acquire('sub_a')).release(ok());
    clock.advance(100);
    granted(await s.acquire('sub_a')).release({ durationMs: 2, signal: 'overload', pauseMs: 1_000 });
    clock.advance(300);
    granted(await s.acquire('sub_a')).release(ok());
    granted(await s.acquire('sub_a')).release({ durationMs: 2, signal: 'overload', pauseMs: 1_000 });
    expect((await s.acquire('sub_a')).granted).toBe(true); // sheds some load, succeeds between: no pause
    granted(await s.acquire('sub_b')).release(ok());
    granted(await s.acquire('sub_b')).release({ durationMs: 2, signal: 'overload', pauseMs: 60_000, asked: true });
    expect((await s.acquire('sub_b')).granted).toBe(false); // asked: paused
  });

  it('defers, unattempted, to the end of a pause longer than maxWaitMs (a long Retry-After)', async () => {
    const { clock, slots: s } = slots(1, 5_000);
    const start = clock.at();
    granted(await s.acquire('sub_a')).release(overload(60_000));
    clock.advance(300);
    for (let i = 0; i < 8; i++) granted(await s.acquire('sub_a')).release(overload(60_000));
    const waiting = granted(await s.acquire('sub_a'));
    const queued = s.acquire('sub_a');
    waiting.release(overload(60_000));
    const decision = await queued;
    expect(decision.granted).toBe(false);
    expect(!decision.granted && decision.retryAt.getTime()).toBeGreaterThanOrEqual(start + 60_300);
    const later = await s.acquire('sub_a');
    expect(!later.granted && later.retryAt.getTime()).toBeGreaterThanOrEqual(start + 60_300);
  });

  it('gives a slot back unused without teaching the limit anything', async () => {
    const { slots: s } = slots(1);
    granted(await s.acquire('sub_a')).release();
    expect(granted(await s.acquire('sub_a'))).toBeTruthy();
    expect(s.limitOf('sub_a')).toBe(1);
  });

  it('names a slow, full subscription as backlogged once its next deferral is far enough ahead', async () => {
    const { clock, slots: s } = slots(2);
    granted(await s.acquire('sub_slow'));
    granted(await s.acquire('sub_slow'));
    granted(await s.acquire('sub_fast'));
    clock.advance(4_000); // the slow attempts have run 4 s: a deferral comes back in 2 s
    expect(s.backlogged(1_000)).toEqual([{ subscriptionId: 'sub_slow', until: new Date(clock.at() + 2_000) }]);
    expect(s.backlogged(5_000)).toEqual([]);
  });

  it('tells a publish which of its subscriptions are backlogged, and moves the horizon past what it held', async () => {
    const { clock, slots: s } = slots(2);
    granted(await s.acquire('sub_slow'));
    granted(await s.acquire('sub_slow'));
    granted(await s.acquire('sub_fast'));
    clock.advance(4_000);
    const until = new Date(clock.at() + 2_000);
    expect(s.holding(['sub_slow', 'sub_fast', 'sub_unknown'], 1_000)).toEqual(new Map([['sub_slow', until]]));
    expect(s.holding(['sub_fast'], 1_000)).toEqual(new Map());
    expect(s.holding(['sub_slow'], 5_000)).toEqual(new Map());
    s.heldBack('sub_slow', 4, until); // four new deliveries written due then: the next ones come after them
    expect(s.holding(['sub_slow'], 1_000)).toEqual(new Map([['sub_slow', new Date(clock.at() + 10_000)]]));
  });

  it('brings forward what it deferred once the endpoint answers fast again with room to spare, and sheds nothing of it', async () => {
    const clock = manualClock();
    const brought: { subscriptionId: string; until: number; limit: number }[] = [];
    let answer: (count: number) => void = () => undefined;
    const bringForward = (subscriptionId: string, until: Date, limit: number) => {
      brought.push({ subscriptionId, until: until.getTime(), limit });
      return new Promise<number>((resolve) => (answer = resolve));
    };
    const s = new SubscriptionSlots({ concurrency: { min: 2, max: 2, initial: 2 }, maxWaitMs: 50, maxDeferMs: 60_000, clock, bringForward });
    const slow = [granted(await s.acquire('sub_a')), granted(await s.acquire('sub_a'))];
    clock.advance(4_000);
    const deferred = await Promise.all(Array.from({ length: 5 }, () => s.acquire('sub_a')));
    const horizon = Math.max(...deferred.map((d) => (d.granted ? 0 : d.retryAt.getTime())));
    expect(horizon).toBe(clock.at() + 10_000); // five at 2 s each
    slow[0].release({ durationMs: 4_000, signal: 'failure' }); // a slow failure says nothing of recovery
    expect(brought).toEqual([]);
    slow[1].release(ok(4_000)); // slow still, but idle now: as many as its limit, to try it
    expect(brought).toEqual([{ subscriptionId: 'sub_a', until: horizon, limit: 2 }]);
    answer(2);
    await tick();
    clock.advance(1_000);
    granted(await s.acquire('sub_a')).release(ok(3)); // fast again, nothing waiting, room
    expect(brought).toEqual([
      { subscriptionId: 'sub_a', until: horizon, limit: 2 },
      { subscriptionId: 'sub_a', until: horizon, limit: 1_000 },
    ]);
    granted(await s.acquire('sub_a')).release(ok(3));
    expect(brought).toHaveLength(2); // one at a time, and not again within the second
    answer(3);
    await tick();
    clock.advance(1_000);
    granted(await s.acquire('sub_a')).release(ok(3));
    expect(brought).toHaveLength(3); // deferrals decided before the last look may have landed after it
    answer(0);
    await tick();
    clock.advance(1_000);
    granted(await s.acquire('sub_a')).release(ok(3));
    expect(brought).toHaveLength(3); // none found, none deferred since: nothing is left out there
    // The five come back at once: the slow spell's average no longer sheds them.
    const back = await Promise.all([s.acquire('sub_a'), s.acquire('sub_a')].map((d) => d.then(granted)));
    const waiting = Array.from({ length: 3 }, () => s.acquire('sub_a'));
    for (const slot of back) slot.release(ok(3));
    const next = await Promise.all(waiting.slice(0, 2));
    for (const d of next) granted(d).release(ok(3));
    expect((await waiting[2]).granted).toBe(true);
  });

  it('brings forward deliveries held back however far a long queue of waiters put them', async () => {
    const clock = manualClock();
    const brought: number[] = [];
    const bringForward = async (_id: string, until: Date) => (brought.push(until.getTime()), 50);
    const s = new SubscriptionSlots({ concurrency: { min: 1, max: 1, initial: 1 }, maxWaitMs: 50, maxDeferMs: 60_000, clock, bringForward });
    const slot = granted(await s.acquire('sub_a'));
    const waiting = Array.from({ length: 30 }, () => s.acquire('sub_a'));
    clock.advance(4_000); // 4 s per attempt, 30 waiting: the next deferral is 2 minutes out
    const [hold] = s.backlogged(5_000);
    expect(hold.until.getTime()).toBeGreaterThan(clock.at() + 60_000);
    s.heldBack('sub_a', 50, hold.until);
    slot.release(ok(3));
    for (const next of waiting) {
      const decision = await next; // (had the lane looked meanwhile, it would have shed some to the database)
      if (decision.granted) decision.release(ok(3));
    }
    expect(brought).toHaveLength(1);
    expect(brought[0]).toBeGreaterThanOrEqual(hold.until.getTime());
  });

  it('brings forward again after a full batch, while deferred deliveries are left', async () => {
    const clock = manualClock();
    let calls = 0;
    const bringForward = async () => (calls += 1) && 1_000;
    const s = new SubscriptionSlots({ concurrency: { min: 1, max: 1, initial: 1 }, maxWaitMs: 50, maxDeferMs: 60_000, clock, bringForward });
    const slot = granted(await s.acquire('sub_a'));
    clock.advance(4_000);
    s.heldBack('sub_a', 2_000, new Date(clock.at() + 60_000));
    slot.release(ok(3));
    await tick();
    clock.advance(1_000);
    granted(await s.acquire('sub_a')).release(ok(3));
    expect(calls).toBe(2);
  });

  it('after a full batch, brings forward the next as soon as the lane has started as many attempts, without waiting out the second', async () => {
    const clock = manualClock();
    const asked: number[] = [];
    const found = [3, 3, 1];
    const bringForward = async (_id: string, _until: Date, limit: number) => (asked.push(limit), Math.min(limit, found.shift() ?? 0));
    const s = new SubscriptionSlots({ concurrency: { min: 3, max: 3, initial: 3 }, maxWaitMs: 50, maxDeferMs: 60_000, clock, bringForward });
    const first = [granted(await s.acquire('sub_a')), granted(await s.acquire('sub_a')), granted(await s.acquire('sub_a'))];
    clock.advance(4_000);
    for (const slot of first) slot.release({ durationMs: 4_000, signal: 'failure' });
    s.heldBack('sub_a', 20, new Date(clock.at() + 60_000));
    granted(await s.acquire('sub_a')).release({ durationMs: 4_000, signal: 'failure' }); // idle and slow: as many as its limit, to try it
    expect(asked).toEqual([3]);
    await tick();
    // The three brought back arrive; two of them are started: not yet.
    const back = [granted(await s.acquire('sub_a')), granted(await s.acquire('sub_a'))];
    back[0].release({ durationMs: 4_000, signal: 'failure' });
    expect(asked).toEqual([3]);
    back[1].release({ durationMs: 4_000, signal: 'failure' });
    granted(await s.acquire('sub_a')).release({ durationMs: 4_000, signal: 'failure' }); // the third: the batch drained
    expect(asked).toEqual([3, 3]); // no clock advanced: within the same second
    await tick();
    for (let i = 0; i < 3; i++) granted(await s.acquire('sub_a')).release({ durationMs: 4_000, signal: 'failure' });
    expect(asked).toEqual([3, 3, 3]);
    await tick();
    granted(await s.acquire('sub_a')).release({ durationMs: 4_000, signal: 'failure' });
    expect(asked).toEqual([3, 3, 3]); // that look found one, not a full batch: the next waits out the second
    clock.advance(1_000);
    granted(await s.acquire('sub_a')).release({ durationMs: 4_000, signal: 'failure' });
    expect(asked).toEqual([3, 3, 3, 3]);
  });

  it('spaces deliveries held back in bulk like single deferrals, within maxDeferMs', async () => {
    const { clock, slots: s } = slots(2, 50, 20_000);
    granted(await s.acquire('sub_a'));
    granted(await s.acquire('sub_a'));
    clock.advance(4_000);
    s.heldBack('sub_a', 3, new Date(clock.at())); // 3 deliveries at 2 s each
    expect(await s.acquire('sub_a')).toEqual({ granted: false, retryAt: new Date(clock.at() + 8_000) });
    s.heldBack('sub_a', 100, new Date(clock.at()));
    expect(s.backlogged(0)).toEqual([{ subscriptionId: 'sub_a', until: new Date(clock.at() + 20_000) }]);
  });

  it('never names a subscription with a free slot or a fast endpoint as backlogged', async () => {
    const { clock, slots: s } = slots(2);
    granted(await s.acquire('sub_half'));
    granted(await s.acquire('sub_fast')).release(ok(5));
    granted(await s.acquire('sub_fast'));
    granted(await s.acquire('sub_fast'));
    clock.advance(500);
    expect(s.backlogged(0)).toEqual([]);
  });

  it('reports no busy subscription once every slot is released', async () => {
    const { slots: s } = slots(1);
    granted(await s.acquire('sub_a')).release(ok(3));
    expect(s.busySubscriptions).toBe(0);
  });
});
