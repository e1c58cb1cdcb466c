import { ALL_DRIVERS } from '../support/drivers';
import { createTestApp, type TestApp } from '../support/test-app';

interface Row {
  id: string;
  subscription_id: string;
  next_attempt_at: string | number;
  locked_until: string | number | null;
  attempt_count: string | number;
}

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('delivery store claims on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  let t: TestApp;

  beforeAll(async () => {
    await driver.setUp();
    // Nothing consumes: the test drives claims itself.
    t = await createTestApp(driver, { worker: { enabled: false }, sweeper: { enabled: false } });
  });

  afterAll(async () => {
    await t?.close();
    await driver.tearDown();
  });

  async function published(events = 3): Promise<{ held: string; other: string; rows: () => Promise<Row[]> }> {
    const tenant = `store-${Math.random().toString(36).slice(2, 10)}`;
    const held = (await t.subscriptions.create({ tenant, url: 'http://127.0.0.1:9/held', events: ['*'] })).id;
    const other = (await t.subscriptions.create({ tenant, url: 'http://127.0.0.1:9/other', events: ['*'] })).id;
    await t.publisher.publishMany(Array.from({ length: events }, (_, n) => ({ type: 'points.earned', data: { customer_id: `c${n}` }, tenant })));
    const rows = () =>
      t.dataSource.query(
        `SELECT id, subscription_id, next_attempt_at, locked_until, attempt_count FROM webhook_delivery WHERE tenant = '${tenant}' ORDER BY id`,
      ) as Promise<Row[]>;
    return { held, other, rows };
  }

  it('puts back, unclaimed, only the claimable deliveries of a held-back subscription, and the claim then skips them', async () => {
    const { held, other, rows } = await published();
    const before = await rows();
    const ids = before.map((r) => r.id);
    const [claimedFirst, ...heldRest] = before.filter((r) => r.subscription_id === held);
    const now = new Date();
    const lease = new Date(now.getTime() + 60_000);
    // Another worker holds one of them: it must stay exactly as that worker left it.
    await t.runtime.store.claimWork([claimedFirst.id], now, lease);

    const until = new Date(now.getTime() + 30_000);
    const counts = await t.runtime.store.holdBack(ids, [{ subscriptionId: held, until }], now);
    expect([...counts]).toEqual([[held, heldRest.length]]);

    const after = new Map((await rows()).map((r) => [r.id, r]));
    for (const r of heldRest) {
      expect(Number(after.get(r.id)!.next_attempt_at)).toBe(until.getTime());
      expect(after.get(r.id)!.locked_until).toBeNull();
      expect(Number(after.get(r.id)!.attempt_count)).toBe(0);
    }
    expect(Number(after.get(claimedFirst.id)!.locked_until)).toBe(lease.getTime());
    expect(Number(after.get(claimedFirst.id)!.next_attempt_at)).toBe(Number(claimedFirst.next_attempt_at));
    for (const r of before.filter((r) => r.subscription_id === other)) {
      expect(after.get(r.id)).toEqual(r);
    }

    const work = await t.runtime.store.claimWork(ids, now, lease);
    expect(work.map((w) => w.id).sort()).toEqual(before.filter((r) => r.subscription_id === other).map((r) => r.id));
    expect(work.every((w) => w.payload.includes('customer_id') && w.subscription?.url === 'http://127.0.0.1:9/other')).toBe(true);
  });

  it('holds back and claims in one call: the held-back subscription\'s claimable deliveries are put back, every other one is claimed', async () => {
    const { held, other, rows } = await published();
    const before = await rows();
    const ids = before.map((r) => r.id);
    const [takenElsewhere, ...heldRest] = before.filter((r) => r.subscription_id === held);
    const now = new Date();
    const elsewhere = new Date(now.getTime() + 90_000);
    await t.runtime.store.claimWork([takenElsewhere.id], now, elsewhere);
    const lease = new Date(now.getTime() + 60_000);
    const until = new Date(now.getTime() + 30_000);

    const { work, held: counts } = await t.runtime.store.claimWorkHolding(ids, [{ subscriptionId: held, until }], now, lease);

    expect([...counts]).toEqual([[held, heldRest.length]]);
    const others = before.filter((r) => r.subscription_id === other);
    expect(work.map((w) => w.id).sort()).toEqual(others.map((r) => r.id));
    expect(work.every((w) => w.payload.includes('customer_id') && w.subscription?.url === 'http://127.0.0.1:9/other' && w.attemptCount === 0)).toBe(true);
    const after = new Map((await rows()).map((r) => [r.id, r]));
    for (const r of heldRest) {
      expect(Number(after.get(r.id)!.next_attempt_at)).toBe(until.getTime());
      expect(after.get(r.id)!.locked_until).toBeNull();
    }
    for (const r of others) expect(Number(after.get(r.id)!.locked_until)).toBe(lease.getTime());
    expect(Number(after.get(takenElsewhere.id)!.locked_until)).toBe(elsewhere.getTime());
    expect(Number(after.get(takenElsewhere.id)!.next_attempt_at)).toBe(Number(takenElsewhere.next_attempt_at));
  });

  it('claims everything claimable when no subscription is held back', async () => {
    const { rows } = await published();
    const ids = (await rows()).map((r) => r.id);
    const now = new Date();
    const { work, held } = await t.runtime.store.claimWorkHolding(ids, [], now, new Date(now.getTime() + 60_000));
    expect(held.size).toBe(0);
    expect(work.map((w) => w.id).sort()).toEqual([...ids].sort());
  });

  it('hands each delivery to exactly one of several claims racing for it', async () => {
    const { rows } = await published();
    const ids = (await rows()).map((r) => r.id);
    const now = new Date();
    const leases = Array.from({ length: 6 }, (_, i) => new Date(now.getTime() + 60_000 + i));
    const won = await Promise.all(leases.map((lease) => t.runtime.store.claim(ids, now, lease)));

    expect(won.flat().sort()).toEqual([...ids].sort());
    const after = new Map((await rows()).map((r) => [r.id, r]));
    won.forEach((claimed, i) => {
      for (const id of claimed) expect(Number(after.get(id)!.locked_until)).toBe(leases[i].getTime());
    });
    expect(await t.runtime.store.claim(ids, now, new Date(now.getTime() + 120_000))).toEqual([]);
  });

  it('holds back nothing when no subscription is named', async () => {
    const { rows } = await published();
    const before = await rows();
    const counts = await t.runtime.store.holdBack(
      before.map((r) => r.id),
      [],
      new Date(),
    );
    expect(counts.size).toBe(0);
    expect(await rows()).toEqual(before);
  });

  it('brings forward only the never-attempted, unclaimed deliveries of the subscription deferred up to the given time, soonest first', async () => {
    const { held, other, rows } = await published(6);
    const before = await rows();
    const [soon1, soon2, later, beyond, locked, retry] = before.filter((r) => r.subscription_id === held);
    const now = new Date();
    const at = (ms: number) => now.getTime() + ms;
    const set = (id: string, nextAttemptAt: number, lockedUntil: number | null, attemptCount: number) =>
      t.dataSource.query(
        `UPDATE webhook_delivery SET next_attempt_at = ${nextAttemptAt}, locked_until = ${lockedUntil ?? 'NULL'}, attempt_count = ${attemptCount} WHERE id = '${id}'`,
      );
    await set(soon1.id, at(5_000), null, 0);
    await set(soon2.id, at(6_000), null, 0);
    await set(later.id, at(10_000), null, 0);
    await set(beyond.id, at(50_000), null, 0);
    await set(locked.id, at(10_000), at(60_000), 0); // another worker holds it
    await set(retry.id, at(10_000), null, 1); // a retry keeps its backoff
    for (const r of before.filter((r) => r.subscription_id === other)) await set(r.id, at(5_000), null, 0);
    const untouched = new Map((await rows()).map((r) => [r.id, r]));

    const until = new Date(at(30_000));
    expect((await t.runtime.store.bringForward(held, now, until, 2)).sort()).toEqual([soon1.id, soon2.id].sort());
    expect(await t.runtime.store.bringForward(held, now, until, 2)).toEqual([later.id]);
    expect(await t.runtime.store.bringForward(held, now, until, 2)).toEqual([]);

    const after = new Map((await rows()).map((r) => [r.id, r]));
    for (const r of [soon1, soon2, later]) {
      expect(Number(after.get(r.id)!.next_attempt_at)).toBe(now.getTime());
      expect(Number(after.get(r.id)!.attempt_count)).toBe(0);
      expect(after.get(r.id)!.locked_until).toBeNull();
    }
    for (const id of [beyond.id, locked.id, retry.id, ...before.filter((r) => r.subscription_id === other).map((r) => r.id)]) {
      expect(after.get(id)).toEqual(untouched.get(id));
    }
    // Due now and unclaimed: a claim takes them (and so would the sweeper, were their job lost).
    const work = await t.runtime.store.claimWork([soon1.id, soon2.id, later.id], now, new Date(at(60_000)));
    expect(work.map((w) => w.id).sort()).toEqual([soon1.id, soon2.id, later.id].sort());
  });
});
