import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { HOOKLINE_ENTITIES, type SubscriptionWithSecret } from '@hookline/engine';
import { createTestHookline, expectNoWebhookSent, expectWebhookSent, WebhookAssertionError, type TestHookline } from '@hookline/engine/testing';

const TENANT = 'shop-1';
const START = Date.UTC(2026, 0, 1, 9, 0, 0);

describe('the engine test kit on SQLite', () => {
  let dataSource: DataSource;
  let hookline: TestHookline;
  let points: SubscriptionWithSecret;
  let tiers: SubscriptionWithSecret;

  beforeEach(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [...HOOKLINE_ENTITIES], synchronize: true }).initialize();
    hookline = createTestHookline({}, { dataSource, logger: { log: () => undefined, warn: () => undefined, error: () => undefined } }, { clockStart: START });
    await hookline.start();
    points = await hookline.subscriptions.create({ tenant: TENANT, url: 'https://points.example/hooks', events: ['points.*'] });
    tiers = await hookline.subscriptions.create({ tenant: TENANT, url: 'https://tiers.example/hooks', events: ['customer.tier_upgrade', 'points.earned'] });
  });

  afterEach(async () => {
    await hookline.stop();
    await dataSource.destroy();
  });

  const earned = { customer_id: 'cust_1', amount: 150, new_balance: 1150 };

  it('delivers one event to both subscriptions, signed with each one\'s secret, through the real pipeline', async () => {
    await hookline.publisher.publish('points.earned', earned, { tenant: TENANT });
    await hookline.drain();

    const toPoints = expectWebhookSent(hookline.recorder, { event: 'points.earned', subscription: points, data: earned, times: 1 });
    expectWebhookSent(hookline.recorder, { event: 'points.earned', subscription: tiers, data: earned, times: 1 });
    expect(hookline.recorder.requests).toHaveLength(2);
    // Signed at the kit's clock time, not the wall clock's.
    expect(toPoints.at.getTime()).toBe(START);
    expect(Number(toPoints.headers['webhook-timestamp'])).toBe(START / 1000);
    // The delivery log says what drain() did: claimed, attempted and written as in production.
    const page = await hookline.deliveries.list({ tenant: TENANT });
    expect(page.data.map((d) => [d.status, d.attemptCount])).toEqual([
      ['delivered', 1],
      ['delivered', 1],
    ]);
  });

  it('fails an assertion with a message that lists what was sent instead', async () => {
    await hookline.publisher.publish('points.earned', earned, { tenant: TENANT });
    await hookline.drain();

    const wrongEvent = () => expectWebhookSent(hookline.recorder, { event: 'customer.tier_upgrade', subscription: points });
    expect(wrongEvent).toThrow(WebhookAssertionError);
    expect(wrongEvent).toThrow(
      [
        'Expected a "customer.tier_upgrade" webhook to https://points.example/hooks, but none was sent.',
        'Sent (2):',
        `  - points.earned → https://points.example/hooks (answered 200, at ${new Date(START).toISOString()})`,
        `  - points.earned → https://tiers.example/hooks (answered 200, at ${new Date(START).toISOString()})`,
      ].join('\n'),
    );
    expect(() => expectWebhookSent(hookline.recorder, { event: 'points.earned', url: points.url, secret: tiers.secret })).toThrow(
      /^Expected a "points.earned" webhook to https:\/\/points.example\/hooks signed with the given secret, but its signature does not verify: HOOKLINE_SIGNATURE_MISMATCH/,
    );
    expect(() => expectWebhookSent(hookline.recorder, { event: 'points.earned', subscription: points, data: { ...earned, amount: 15 } })).toThrow(
      `with data {"customer_id":"cust_1","amount":15,"new_balance":1150}, but it was sent with other data:\n  - {"customer_id":"cust_1","amount":150,"new_balance":1150}`,
    );
    expect(() => expectNoWebhookSent(hookline.recorder, { subscription: tiers })).toThrow(/Expected no webhook to https:\/\/tiers.example\/hooks, but 1 was sent/);
  });

  it('says so when nothing was sent at all', async () => {
    const fresh = createTestHookline({}, { dataSource, logger: { log: () => undefined, warn: () => undefined, error: () => undefined } });
    expect(() => expectWebhookSent(fresh.recorder, { event: 'points.earned' })).toThrow(/Nothing was sent at all \(was drain\(\) awaited after publishing\?\)/);
  });

  it('retries a failing endpoint only once the clock passes the retry delay', async () => {
    hookline.recorder.respondTo(tiers.url, 500);
    await hookline.publisher.publish('points.earned', earned, { tenant: TENANT });
    await hookline.drain();

    expect(hookline.recorder.requestsTo(tiers.url).map((r) => r.answer)).toEqual([500]);
    const [failing] = (await hookline.deliveries.list({ tenant: TENANT, subscriptionId: tiers.id })).data;
    expect(failing).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: 500 });
    const retryAt = failing.nextAttemptAt!.getTime();
    expect(retryAt).toBeGreaterThan(START);

    // Just short of the delay (beyond the claim's 1 s slack), nothing is due: drain() sends nothing.
    hookline.clock.set(retryAt - 1_500);
    await hookline.drain();
    expect(hookline.recorder.requestsTo(tiers.url)).toHaveLength(1);

    hookline.recorder.respondTo(tiers.url, 200);
    hookline.clock.set(retryAt);
    await hookline.drain();
    const attempts = hookline.recorder.requestsTo(tiers.url);
    expect(attempts.map((r) => [r.answer, r.at.getTime()])).toEqual([
      [500, START],
      [200, retryAt],
    ]);
    // Same delivery, same id: the receiver could de-duplicate the retry.
    expect(attempts[1].headers['webhook-id']).toBe(attempts[0].headers['webhook-id']);
    expectWebhookSent(hookline.recorder, { event: 'points.earned', subscription: tiers, times: 2 });
    expectWebhookSent(hookline.recorder, { event: 'points.earned', subscription: points, times: 1 });
    const delivery = await hookline.deliveries.get(failing.id, { tenant: TENANT });
    expect(delivery).toMatchObject({ status: 'delivered', attemptCount: 2 });
    expect(delivery.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
  });

  it('records a timeout as a failed attempt and retries it', async () => {
    hookline.recorder.respondTo(points.url, { fail: 'timeout' });
    await hookline.publisher.publish('points.earned', earned, { tenant: TENANT });
    await hookline.drain();
    const [timedOut] = (await hookline.deliveries.list({ tenant: TENANT, subscriptionId: points.id })).data.filter((d) => d.eventType === 'points.earned');
    expect(timedOut).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: null });
    expect(timedOut.lastError).toMatch(/^timeout: /);

    hookline.recorder.respondTo(points.url, 204);
    hookline.clock.set(timedOut.nextAttemptAt!);
    await hookline.drain();
    expect(hookline.recorder.requestsTo(points.url).map((r) => r.answer)).toEqual(['timeout', 204]);
    expect(await hookline.deliveries.get(timedOut.id, { tenant: TENANT })).toMatchObject({ status: 'delivered', attemptCount: 2 });
  });
});
