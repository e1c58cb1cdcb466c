import { ALL_DRIVERS, type TestDriver } from '../support/drivers';
import { eventually, TestReceiver, type ReceivedRequest } from '../support/receiver';
import { createTestApp, type TestApp } from '../support/test-app';

/** What a receipt carried: the key and place in it that the publisher gave, and the delivery id. */
function receipt(request: ReceivedRequest): { key: string; seq: number; id: string } {
  const { data } = JSON.parse(request.body) as { data: { customer_id: string; amount: number } };
  return { key: data.customer_id, seq: data.amount, id: String(request.headers['webhook-id']) };
}

/** Receipts whose seq is lower than one already received for the same key: what ordering rules out. */
function outOfOrder(requests: ReceivedRequest[]): string[] {
  const highest = new Map<string, number>();
  const late: string[] = [];
  for (const { key, seq } of requests.map(receipt)) {
    if (seq < (highest.get(key) ?? 0)) late.push(`${key}#${seq} after #${highest.get(key)}`);
    highest.set(key, Math.max(seq, highest.get(key) ?? 0));
  }
  return late;
}

const KEYS = ['cust_a', 'cust_b', 'cust_c', 'cust_d', 'cust_e'];
const PER_KEY = 12;

describe.each(ALL_DRIVERS)('ordering keys on $name', (makeDriver) => {
  let driver: TestDriver;
  let t: TestApp;
  const receiver = new TestReceiver();

  beforeAll(async () => {
    driver = makeDriver();
    await driver.setUp();
    await receiver.start();
    t = await createTestApp(driver, { retry: { schedule: [30, 30, 30, 30], jitter: 0 } });
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await driver?.tearDown();
  });

  beforeEach(() => receiver.requests.splice(0));

  /** Answers after a short wait (so keys overlap), 500 to the first try of every fourth event; counts what is in flight. */
  function flakyReceiver(): { failures: () => number; maxInFlight: () => number } {
    const failedOnce = new Set<string>();
    let inFlight = 0;
    let maxInFlight = 0;
    receiver.respond = async (request) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight -= 1;
      const { seq, id } = receipt(request);
      if (seq % 4 === 2 && !failedOnce.has(id)) {
        failedOnce.add(id);
        return { status: 500, body: 'try again' };
      }
      return { status: 200, body: 'ok' };
    };
    return { failures: () => failedOnce.size, maxInFlight: () => maxInFlight };
  }

  const events = (tenant: string, keyed: boolean) =>
    Array.from({ length: PER_KEY }, (_, i) => i + 1).flatMap((seq) =>
      KEYS.map((key) => ({ type: 'points.earned', data: { customer_id: key, amount: seq }, tenant, ...(keyed && { orderingKey: key }) })),
    );

  it('delivers each key in publish order through retries, different keys at the same time', async () => {
    const tenant = 'ordered';
    const subscription = await t.subscriptions.create({ tenant, url: receiver.url('/ordered'), events: ['points.earned'] });
    const flaky = flakyReceiver();
    await t.publisher.publishMany(events(tenant, true));
    const total = KEYS.length * PER_KEY;
    await eventually(async () => (await t.deliveries.list({ tenant, subscriptionId: subscription.id, status: 'delivered', limit: 100 })).data.length === total, 60_000);

    expect(outOfOrder(receiver.requests)).toEqual([]);
    for (const key of KEYS) {
      const accepted = receiver.requests.map(receipt).filter((r) => r.key === key);
      // Every fourth event failed once: it arrived twice in a row, and the next only after its retry.
      expect(accepted.map((r) => r.seq)).toEqual([1, 2, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 10, 11, 12]);
    }
    expect(flaky.failures()).toBe(KEYS.length * 3);
    expect(flaky.maxInFlight()).toBeGreaterThan(1);
    const [delivery] = (await t.deliveries.list({ tenant, subscriptionId: subscription.id, limit: 1 })).data;
    expect(KEYS).toContain(delivery.orderingKey);
  });

  it('without ordering keys the same retries arrive out of order (the control)', async () => {
    const tenant = 'unordered';
    const subscription = await t.subscriptions.create({ tenant, url: receiver.url('/unordered'), events: ['points.earned'] });
    flakyReceiver();
    await t.publisher.publishMany(events(tenant, false));
    await eventually(async () => (await t.deliveries.list({ tenant, subscriptionId: subscription.id, status: 'delivered', limit: 100 })).data.length === KEYS.length * PER_KEY, 60_000);
    expect(outOfOrder(receiver.requests).length).toBeGreaterThan(0);
  });

  it("onFailure 'continue' (the default): a delivery that failed for good lets the next of its key go", async () => {
    const tenant = 'continue';
    const subscription = await t.subscriptions.create({ tenant, url: receiver.url('/continue'), events: ['points.earned'] });
    receiver.respond = (request) => (receipt(request).seq === 2 ? { status: 500 } : { status: 200 });
    await t.publisher.publishMany([1, 2, 3, 4].map((seq) => ({ type: 'points.earned', data: { customer_id: 'k', amount: seq }, tenant, orderingKey: 'k' })));
    await eventually(async () => (await t.deliveries.list({ tenant, subscriptionId: subscription.id, status: 'delivered' })).data.length === 3, 30_000);
    const seqs = receiver.requests.map((r) => receipt(r).seq);
    // Five tries of #2 (the first and four retries), then #3 and #4.
    expect(seqs).toEqual([1, 2, 2, 2, 2, 2, 3, 4]);
    expect((await t.deliveries.list({ tenant, subscriptionId: subscription.id, status: 'failed' })).data).toHaveLength(1);
  });

  it('refuses an ordering key that is not a short string, storing nothing', async () => {
    const tenant = 'bad-key';
    await t.subscriptions.create({ tenant, url: receiver.url('/bad'), events: ['points.earned'] });
    for (const orderingKey of ['', 'x'.repeat(256), 42 as unknown as string]) {
      await expect(t.publisher.publish('points.earned', { customer_id: 'c', amount: 1 }, { tenant, orderingKey })).rejects.toMatchObject({
        code: 'HOOKLINE_INVALID_PUBLISH_OPTIONS',
        pointer: '/orderingKey',
      });
    }
    expect((await t.deliveries.list({ tenant })).data).toEqual([]);
  });
});

describe.each(ALL_DRIVERS)("ordering.onFailure 'block' on $name", (makeDriver) => {
  let driver: TestDriver;
  let t: TestApp;
  const receiver = new TestReceiver();

  beforeAll(async () => {
    driver = makeDriver();
    await driver.setUp();
    await receiver.start();
    t = await createTestApp(driver, { retry: { schedule: [20], jitter: 0 }, ordering: { onFailure: 'block' } });
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await driver?.tearDown();
  });

  it('holds the rest of the key behind a failed delivery until it is resent and delivered', async () => {
    const tenant = 'block';
    const subscription = await t.subscriptions.create({ tenant, url: receiver.url('/block'), events: ['points.earned'] });
    let down = true;
    receiver.respond = (request) => (down && receipt(request).seq === 2 ? { status: 500 } : { status: 200 });
    await t.publisher.publishMany([1, 2, 3, 4].map((seq) => ({ type: 'points.earned', data: { customer_id: 'k', amount: seq }, tenant, orderingKey: 'k' })));
    await eventually(async () => (await t.deliveries.list({ tenant, subscriptionId: subscription.id, status: 'failed' })).data.length === 1, 30_000);
    const [failed] = (await t.deliveries.list({ tenant, subscriptionId: subscription.id, status: 'failed' })).data;
    // Several sweeps (every 500 ms here) come and go: #3 and #4 are due, but the claim holds them.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(receiver.requests.map((r) => receipt(r).seq)).toEqual([1, 2, 2]);
    const waiting = (await t.deliveries.list({ tenant, subscriptionId: subscription.id, status: 'pending' })).data;
    expect(waiting.map((d) => d.attemptCount)).toEqual([0, 0]);

    down = false;
    await t.deliveries.resend(failed.id, { tenant });
    await eventually(async () => (await t.deliveries.list({ tenant, subscriptionId: subscription.id, status: 'delivered' })).data.length === 4, 30_000);
    expect(receiver.requests.map((r) => receipt(r).seq)).toEqual([1, 2, 2, 2, 3, 4]);
  });
});
