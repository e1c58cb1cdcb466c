import { ALL_DRIVERS } from '../support/drivers';
import { TestReceiver } from '../support/receiver';
import { createTestApp, type TestApp } from '../support/test-app';

const SLOW_MS = 2_500;
const EVENTS = 60;

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('a slow endpoint beside a fast one on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  const receiver = new TestReceiver();
  let t: TestApp;
  let slowInFlight = 0;
  let slowMaxInFlight = 0;
  let firstSlowAnswerAt = Infinity;

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    receiver.respond = async (request) => {
      if (request.path !== '/slow') return { status: 200 };
      slowMaxInFlight = Math.max(slowMaxInFlight, ++slowInFlight);
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      firstSlowAnswerAt = Math.min(firstSlowAnswerAt, Date.now());
      slowInFlight -= 1;
      return { status: 200 };
    };
    t = await createTestApp(driver, { worker: { concurrency: 4, batchSize: 10, perSubscriptionConcurrency: 2 } });
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await driver.tearDown();
  });

  it('delivers to the fast endpoint promptly, holds the slow one to its cap, and burns no attempts deferring', async () => {
    const shop = `shop-${Math.random().toString(36).slice(2, 10)}`;
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/slow'), events: ['*'] });
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/fast'), events: ['*'] });
    const startedAt = Date.now();
    for (let i = 0; i < EVENTS; i += 10) {
      await t.publisher.publishMany(Array.from({ length: 10 }, (_, j) => ({ type: 'points.earned', data: { customer_id: `c${i + j}` }, tenant: shop })));
    }
    const fast = () => receiver.requests.filter((r) => r.path === '/fast').length;
    while (fast() < EVENTS && Date.now() - startedAt < 15_000) await new Promise((resolve) => setTimeout(resolve, 20));
    // Every job held slow deliveries, yet the fast endpoint got all of its own before one slow answer came back.
    expect(fast()).toBe(EVENTS);
    const lastFastAt = Math.max(...receiver.requests.filter((r) => r.path === '/fast').map((r) => r.receivedAt));
    expect(lastFastAt).toBeLessThan(firstSlowAnswerAt);
    expect(slowMaxInFlight).toBeLessThanOrEqual(2);
    const rows: { attempt_count: number | string }[] = await t.dataSource.query(
      `SELECT attempt_count FROM webhook_delivery WHERE tenant = '${shop}' AND status = 'pending'`,
    );
    expect(rows.length).toBeGreaterThan(EVENTS - 10);
    expect(rows.every((row) => Number(row.attempt_count) === 0)).toBe(true);
  }, 30_000);
});
