import { ALL_DRIVERS } from '../support/drivers';
import { eventually } from '../support/receiver';
import { receiverSuite } from '../support/receiver-suite';
import { createTestApp, type TestApp } from '../support/test-app';

const EVENTS = 30;
const BATCH = 10;

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('the jobs of a publish to several subscriptions on %s', (_name, makeDriver) => {
  let t: TestApp;
  const receiver = receiverSuite(makeDriver, async (driver) => (t = await createTestApp(driver, { worker: { batchSize: BATCH } })));

  it('each serve one subscription, name it to the worker, follow publish order, and together carry every delivery once', async () => {
    const shop = `shop-${Math.random().toString(36).slice(2, 10)}`;
    const subscriptions = [];
    for (const path of ['/a', '/b', '/c']) subscriptions.push(await t.subscriptions.create({ tenant: shop, url: receiver.url(path), events: ['*'] }));
    const jobs: string[][] = [];
    const named = new Map<string, string[] | undefined>();
    const enqueue = t.runtime.queue.enqueue.bind(t.runtime.queue);
    t.runtime.queue.enqueue = (batch) => {
      jobs.push(...batch.map((job) => job.deliveryIds));
      return enqueue(batch);
    };
    // What the worker is told, after the trip through the queue (Redis on BullMQ).
    const process = t.runtime.processor.process.bind(t.runtime.processor);
    t.runtime.processor.process = (ids, options) => {
      named.set(ids[0], options?.subscriptionIds);
      return process(ids, options);
    };
    await t.publisher.publishMany(Array.from({ length: EVENTS }, (_, i) => ({ type: 'points.earned', data: { customer_id: `c${i}`, amount: 1 }, tenant: shop })));
    await eventually(() => receiver.requests.length === 3 * EVENTS);

    const rows: { id: string; subscription_id: string }[] = await t.dataSource.query(
      `SELECT id, subscription_id FROM webhook_delivery WHERE tenant = '${shop}'`,
    );
    const subscriptionOf = new Map(rows.map((row) => [row.id, row.subscription_id]));
    expect(jobs.flat().sort()).toEqual([...subscriptionOf.keys()].sort());
    for (const job of jobs) {
      expect(job).toHaveLength(BATCH);
      expect(new Set(job.map((id) => subscriptionOf.get(id))).size).toBe(1);
      // ...and names it, so the worker asks only about that endpoint when it claims.
      expect(named.get(job[0])).toEqual([subscriptionOf.get(job[0])]);
      // Ids follow publish order: within a job, as published.
      expect(job).toEqual([...job].sort());
    }
    for (const { id } of subscriptions) expect(jobs.filter((job) => subscriptionOf.get(job[0]) === id)).toHaveLength(EVENTS / BATCH);
  });
});
