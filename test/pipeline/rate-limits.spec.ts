import { ALL_DRIVERS, type TestDriver } from '../support/drivers';
import { eventually, TestReceiver } from '../support/receiver';
import { busiestWindow } from '../support/receipt-windows';
import { createTestApp, type TestApp } from '../support/test-app';

const PER_SECOND = 20;
const PUBLISHED = 100;

describe.each(ALL_DRIVERS)('per-subscription rate limits on $name', (makeDriver) => {
  let driver: TestDriver;
  let t: TestApp;
  const receiver = new TestReceiver();

  beforeAll(async () => {
    driver = makeDriver();
    await driver.setUp();
    await receiver.start();
    t = await createTestApp(driver);
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await driver?.tearDown();
  });

  beforeEach(() => receiver.requests.splice(0));

  const publish = (tenant: string, count: number) =>
    t.publisher.publishMany(Array.from({ length: count }, (_, i) => ({ type: 'points.earned', data: { customer_id: `c${i}`, amount: i }, tenant })));

  const receiptsAt = (path: string) => receiver.requests.filter((r) => r.path === path).map((r) => r.receivedAt);

  async function attemptCounts(tenant: string, subscriptionId: string): Promise<number[]> {
    const counts: number[] = [];
    for (let cursor: string | undefined; ; ) {
      const page = await t.deliveries.list({ tenant, subscriptionId, limit: 100, cursor });
      counts.push(...page.data.map((d) => (d.status === 'delivered' ? d.attemptCount : -1)));
      if (!page.nextCursor) return counts;
      cursor = page.nextCursor;
    }
  }

  it('stores the limit, returns it in the view, replaces it on update and removes it with null', async () => {
    const created = await t.subscriptions.create({ tenant: 'rl-view', url: receiver.url('/v'), events: ['*'], rateLimit: { perSecond: 5, perMinute: 100 } });
    expect(created.rateLimit).toEqual({ perSecond: 5, perMinute: 100 });
    expect((await t.subscriptions.get(created.id)).rateLimit).toEqual({ perSecond: 5, perMinute: 100 });
    expect((await t.subscriptions.update(created.id, { rateLimit: { perMinute: 30 } })).rateLimit).toEqual({ perMinute: 30 });
    expect((await t.subscriptions.update(created.id, { description: 'kept' })).rateLimit).toEqual({ perMinute: 30 });
    expect((await t.subscriptions.update(created.id, { rateLimit: null })).rateLimit).toBeNull();
    expect((await t.subscriptions.get(created.id)).rateLimit).toBeNull();
  });

  it.each([
    [{ perSecond: 0 }, '/rate_limit/per_second'],
    [{ perSecond: 2.5 }, '/rate_limit/per_second'],
    [{ perMinute: 600_001 }, '/rate_limit/per_minute'],
    [{}, '/rate_limit'],
    [{ perHour: 5 }, '/rate_limit/perHour'],
  ])('refuses rate limit %j with HOOKLINE_INVALID_RATE_LIMIT at %s, storing nothing', async (rateLimit, pointer) => {
    const tenant = `rl-bad-${pointer.length}-${JSON.stringify(rateLimit).length}`;
    const create = t.subscriptions.create({ tenant, url: receiver.url('/bad'), events: ['*'], rateLimit: rateLimit as never });
    await expect(create).rejects.toMatchObject({ code: 'HOOKLINE_INVALID_RATE_LIMIT', pointer });
    expect((await t.subscriptions.list({ tenant })).data).toEqual([]);
    const kept = await t.subscriptions.create({ tenant, url: receiver.url('/bad'), events: ['*'], rateLimit: { perSecond: 3 } });
    await expect(t.subscriptions.update(kept.id, { rateLimit: rateLimit as never })).rejects.toMatchObject({ code: 'HOOKLINE_INVALID_RATE_LIMIT', pointer });
    expect((await t.subscriptions.get(kept.id)).rateLimit).toEqual({ perSecond: 3 });
  });

  it(`delivers ${PUBLISHED} messages at ${PER_SECOND}/s exactly once, one attempt each, never more than the limit plus its burst in a second`, async () => {
    const tenant = 'rl-second';
    const limited = await t.subscriptions.create({ tenant, url: receiver.url('/limited'), events: ['points.earned'], rateLimit: { perSecond: PER_SECOND } });
    const free = await t.subscriptions.create({ tenant, url: receiver.url('/free'), events: ['points.earned'] });
    await publish(tenant, PUBLISHED);

    // The subscription without a limit is not held back by its neighbour's.
    await eventually(() => receiptsAt('/free').length === PUBLISHED, 20_000);
    expect(receiptsAt('/limited').length).toBeLessThan(PUBLISHED);
    const held = await t.runtime.stats.forSubscription(limited.id, { tenant, windowMs: 3_600_000 });
    expect(held.rateLimitedUntil).toBeInstanceOf(Date);
    expect((await t.runtime.stats.forSubscription(free.id, { tenant, windowMs: 3_600_000 })).rateLimitedUntil).toBeNull();
    const { body: metrics } = await t.runtime.metrics.render();
    expect(metrics).toMatch(new RegExp(`hookline_subscription_rate_limited_seconds\\{subscription_id="${limited.id}"\\} \\d`));
    expect(metrics).not.toContain(`hookline_subscription_rate_limited_seconds{subscription_id="${free.id}"}`);
    expect(Number(/hookline_deliveries_rate_limited_total (\d+)/.exec(metrics)?.[1])).toBeGreaterThan(0);

    await eventually(async () => (await attemptCounts(tenant, limited.id)).every((n) => n > 0), 30_000);
    const ids = receiver.requests.filter((r) => r.path === '/limited').map((r) => String(r.headers['webhook-id']));
    expect(ids).toHaveLength(PUBLISHED);
    expect(new Set(ids).size).toBe(PUBLISHED);
    // Waiting for a token spent no attempt.
    expect(new Set(await attemptCounts(tenant, limited.id))).toEqual(new Set([1]));
    expect(busiestWindow(receiptsAt('/limited'), 1_000)).toBeLessThanOrEqual(PER_SECOND + PER_SECOND);
    // Past the first second's burst, the pace is the limit's (a token's send may start up to 250 ms late).
    const afterBurst = receiptsAt('/limited').sort((a, b) => a - b).slice(PER_SECOND);
    expect(busiestWindow(afterBurst, 1_000)).toBeLessThanOrEqual(PER_SECOND * 1.25 + 1);
    await eventually(async () => (await t.runtime.stats.forSubscription(limited.id, { tenant, windowMs: 3_600_000 })).rateLimitedUntil === null, 5_000);
  });

  it('holds a per-minute limit at per_minute / 60 a second, its burst one second worth, waiting costing no attempt', async () => {
    const tenant = 'rl-minute';
    const limited = await t.subscriptions.create({ tenant, url: receiver.url('/minute'), events: ['points.earned'], rateLimit: { perMinute: 600 } });
    await publish(tenant, 40);
    await eventually(async () => (await attemptCounts(tenant, limited.id)).every((n) => n > 0), 30_000);
    const times = receiptsAt('/minute');
    expect(times).toHaveLength(40);
    expect(new Set(await attemptCounts(tenant, limited.id))).toEqual(new Set([1]));
    // Ten a second and a burst of ten: never the minute's 600 at once.
    expect(busiestWindow(times, 1_000)).toBeLessThanOrEqual(20);
  });
});
