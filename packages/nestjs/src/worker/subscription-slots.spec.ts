import { SubscriptionSlots, type SlotDecision } from './subscription-slots';

function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms), at: () => now };
}

function slots(perSubscription: number, maxWaitMs = 50, maxDeferMs = 60_000) {
  const clock = manualClock();
  return { clock, slots: new SubscriptionSlots({ perSubscription, maxWaitMs, maxDeferMs, clock }) };
}

const granted = (decision: SlotDecision) => {
  if (!decision.granted) throw new Error('expected a slot');
  return decision;
};

describe('SubscriptionSlots', () => {
  it('grants up to the cap at once, then hands a released slot to the next in line', async () => {
    const { slots: s } = slots(2);
    const first = granted(await s.acquire('sub_a'));
    granted(await s.acquire('sub_a'));
    let third: SlotDecision | undefined;
    const waiting = s.acquire('sub_a').then((d) => (third = d));
    await Promise.resolve();
    expect(third).toBeUndefined();
    first.release(5);
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

  it('lets a delivery that waited maxWaitMs for a busy but fast endpoint go ahead past the cap', async () => {
    const { slots: s } = slots(1, 20);
    granted(await s.acquire('sub_a'));
    const decision = await s.acquire('sub_a'); // waits ~20 ms of real time
    expect(decision.granted).toBe(true);
  });

  it('defers a delivery that waited maxWaitMs once the endpoint turned out slow', async () => {
    const { clock, slots: s } = slots(1, 20);
    granted(await s.acquire('sub_a'));
    const waiting = s.acquire('sub_a');
    clock.advance(1_500); // the attempt in flight has now run 1.5 s
    expect((await waiting).granted).toBe(false);
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

  it('spaces deliveries held back in bulk like single deferrals, within maxDeferMs', async () => {
    const { clock, slots: s } = slots(2, 50, 20_000);
    granted(await s.acquire('sub_a'));
    granted(await s.acquire('sub_a'));
    clock.advance(4_000);
    s.heldBack('sub_a', 3); // 3 deliveries at 2 s each
    expect(await s.acquire('sub_a')).toEqual({ granted: false, retryAt: new Date(clock.at() + 8_000) });
    s.heldBack('sub_a', 100);
    expect(s.backlogged(0)).toEqual([{ subscriptionId: 'sub_a', until: new Date(clock.at() + 20_000) }]);
  });

  it('never names a subscription with a free slot or a fast endpoint as backlogged', async () => {
    const { clock, slots: s } = slots(2);
    granted(await s.acquire('sub_half'));
    granted(await s.acquire('sub_fast')).release(5);
    granted(await s.acquire('sub_fast'));
    granted(await s.acquire('sub_fast'));
    clock.advance(500);
    expect(s.backlogged(0)).toEqual([]);
  });

  it('reports no busy subscription once every slot is released', async () => {
    const { slots: s } = slots(1);
    granted(await s.acquire('sub_a')).release(3);
    expect(s.busySubscriptions).toBe(0);
  });
});
