import { ALL_DRIVERS } from '../support/drivers';
import { publishPoints } from '../support/pipeline-harness';
import { eventually } from '../support/receiver';
import { receiverSuite } from '../support/receiver-suite';
import { createTestApp, type TestApp } from '../support/test-app';

const SLOW_MS = 2_000;
/** Enough to fill the slow endpoint's slots and put some of its deliveries back seconds ahead. */
const FIRST = 100;
const LATER = 10;

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('publishing to a backed-up endpoint on %s', (_name, makeDriver) => {
  let t: TestApp;
  const receiver = receiverSuite(makeDriver, async (driver) => (t = await createTestApp(driver)));

  it('writes its new deliveries due later without a job, the fast endpoint\'s as usual, and loses none of them', async () => {
    let slow = true;
    receiver.respond = async (request) => {
      if (request.path === '/slow' && slow) await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      return { status: 200 };
    };
    const shop = `shop-${Math.random().toString(36).slice(2, 10)}`;
    const slowSubscription = await t.subscriptions.create({ tenant: shop, url: receiver.url('/slow'), events: ['*'] });
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/fast'), events: ['*'] });
    await publishPoints(t.runtime, FIRST, shop, { batchSize: 50 });
    // Every slot of the slow endpoint taken for seconds: a job's deliveries to it would be put back unclaimed.
    await eventually(() => t.runtime.processor.publishHolds.holding([slowSubscription.id]).size === 1, 20_000);

    const enqueued: string[] = [];
    const enqueueNew = t.runtime.enqueuer.enqueueNewBySubscription.bind(t.runtime.enqueuer);
    t.runtime.enqueuer.enqueueNewBySubscription = (groups, ...rest) => {
      enqueued.push(...groups.flatMap((group) => group.deliveryIds));
      return enqueueNew(groups, ...rest);
    };
    // What each claim was asked to hold back: the fast endpoint's jobs name it, so not the slow one.
    const claims: { ids: string[]; held: string[] }[] = [];
    const claimWorkHolding = t.runtime.store.claimWorkHolding.bind(t.runtime.store);
    t.runtime.store.claimWorkHolding = (ids, holds, ...rest) => {
      claims.push({ ids, held: holds.map((hold) => hold.subscriptionId) });
      return claimWorkHolding(ids, holds, ...rest);
    };
    const later = (from: number) =>
      Array.from({ length: LATER }, (_, i) => ({ type: 'points.earned', data: { customer_id: `later${from + i}`, amount: 1 }, tenant: shop }));
    const publishedAt = Date.now();
    const plain = await t.publisher.publishMany(later(0));
    // In the host's own transaction too: the worker hears of them once it commits.
    const hosted = await t.dataSource.transaction((manager) => t.publisher.publishMany(later(LATER), { manager }));
    const messageIds = [...plain, ...hosted].map((m) => `'${m.messageId}'`).join(', ');
    const rows: { id: string; subscription_id: string; next_attempt_at: string | number }[] = await t.dataSource.query(
      `SELECT id, subscription_id, next_attempt_at FROM webhook_delivery WHERE message_id IN (${messageIds})`,
    );
    expect(rows).toHaveLength(4 * LATER);
    const held = rows.filter((row) => row.subscription_id === slowSubscription.id);
    const due = rows.filter((row) => row.subscription_id !== slowSubscription.id);
    expect(held).toHaveLength(2 * LATER);
    for (const row of held) {
      expect(Number(row.next_attempt_at)).toBeGreaterThanOrEqual(publishedAt + 5_000);
      expect(enqueued).not.toContain(row.id);
    }
    for (const row of due) expect(enqueued).toContain(row.id);
    await eventually(() => due.every((row) => claims.some((claim) => claim.ids.includes(row.id))), 20_000);
    for (const claim of claims.filter((c) => due.some((row) => c.ids.includes(row.id)))) expect(claim.held).toEqual([]);

    slow = false;
    await eventually(async () => {
      const pending: { n: string | number }[] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM webhook_delivery WHERE tenant = '${shop}' AND status <> 'delivered'`);
      return Number(pending[0].n) === 0;
    }, 60_000);
    const attempts: { id: string; attempt_count: string | number }[] = await t.dataSource.query(
      `SELECT id, attempt_count FROM webhook_delivery WHERE tenant = '${shop}'`,
    );
    expect(attempts).toHaveLength(2 * (FIRST + 2 * LATER));
    expect(attempts.every((row) => Number(row.attempt_count) === 1)).toBe(true);
    for (const path of ['/slow', '/fast']) expect(receiver.requests.filter((r) => r.path === path)).toHaveLength(FIRST + 2 * LATER);
  }, 90_000);
});
