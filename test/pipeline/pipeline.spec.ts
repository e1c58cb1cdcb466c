import { EventEmitter2 } from '@nestjs/event-emitter';
import { createSigner, EventDataValidationError, UnknownEventTypeError } from '@hookline/nestjs';
import { ALL_DRIVERS } from '../support/drivers';
import { eventually } from '../support/receiver';
import { receiverSuite } from '../support/receiver-suite';
import { createTestApp, type TestApp } from '../support/test-app';

const verifier = createSigner({ scheme: 'standard' });
const points = (customer = 'cust_1') => ({ customer_id: customer, amount: 150, new_balance: 2350 });

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('delivery pipeline on %s', (_name, makeDriver) => {
  let t: TestApp;
  const receiver = receiverSuite(
    makeDriver,
    async (driver) =>
      (t = await createTestApp(driver, {
        retry: { schedule: [150, 150], jitter: 0 },
        bridge: {
          events: ['points.*'],
          tenant: (payload) => payload.shop,
          data: ({ shop: _shop, ...data }) => data,
          orderingKey: (payload) => payload.customer_id,
        },
      })),
  );

  const tenant = () => `shop-${Math.random().toString(36).slice(2, 10)}`;

  it('delivers a published event, signed so the receiver verifies it with its secret', async () => {
    const shop = tenant();
    const sub = await t.subscriptions.create({ tenant: shop, url: receiver.url('/a'), events: ['points.earned'] });
    const result = await t.publisher.publish('points.earned', points(), { tenant: shop });
    expect(result.deliveryCount).toBe(1);
    await receiver.waitFor(1);
    const [request] = receiver.requests;
    expect(() => verifier.verify({ body: request.body, headers: request.headers as never, secrets: sub.secret })).not.toThrow();
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ type: 'points.earned', data: points() });
    await eventually(async () => (await t.deliveries.list({ tenant: shop })).data[0]?.status === 'delivered');
    const [delivery] = (await t.deliveries.list({ tenant: shop })).data;
    expect(request.headers['webhook-id']).toBe(delivery.id);
    const detail = await t.deliveries.get(delivery.id, { tenant: shop });
    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0]).toMatchObject({ statusCode: 200, responseExcerpt: 'ok', error: null });
  });

  it('fans one event out to every subscription whose filters match, and only those', async () => {
    const shop = tenant();
    const wanted = await Promise.all(
      ['*', 'points.*', 'points.earned'].map((filter, i) => t.subscriptions.create({ tenant: shop, url: receiver.url(`/fan${i}`), events: [filter] })),
    );
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/other'), events: ['customer.*'] });
    await t.subscriptions.create({ tenant: tenant(), url: receiver.url('/foreign'), events: ['*'] });
    const result = await t.publisher.publish('points.earned', points(), { tenant: shop });
    expect(result.deliveryCount).toBe(3);
    await receiver.waitFor(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests.map((r) => r.path).sort()).toEqual(['/fan0', '/fan1', '/fan2']);
    expect(wanted).toHaveLength(3);
  });

  it('retries 500s and records every attempt until the endpoint answers 200', async () => {
    const shop = tenant();
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/flaky'), events: ['points.earned'] });
    receiver.respond = (_req, index) => (index < 2 ? { status: 500, body: 'boom' } : { status: 200 });
    await t.publisher.publish('points.earned', points(), { tenant: shop });
    await receiver.waitFor(3);
    await eventually(async () => (await t.deliveries.list({ tenant: shop })).data[0]?.status === 'delivered');
    const [delivery] = (await t.deliveries.list({ tenant: shop })).data;
    const detail = await t.deliveries.get(delivery.id);
    expect(detail.attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(detail.attempts[0].responseExcerpt).toBe('boom');
    expect(detail.attemptCount).toBe(3);
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('gives up after the schedule when the endpoint always fails, and says so on the EventEmitter', async () => {
    const shop = tenant();
    const exhausted: unknown[] = [];
    t.app.get(EventEmitter2).on('hookline.delivery.exhausted', (payload: unknown) => exhausted.push(payload));
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/down'), events: ['points.earned'] });
    receiver.respond = () => ({ status: 503 });
    await t.publisher.publish('points.earned', points(), { tenant: shop });
    await eventually(async () => (await t.deliveries.list({ tenant: shop })).data[0]?.status === 'failed');
    const [delivery] = (await t.deliveries.list({ tenant: shop })).data;
    expect((await t.deliveries.get(delivery.id)).attempts).toHaveLength(3);
    expect(receiver.requests).toHaveLength(3);
    expect(exhausted).toEqual(expect.arrayContaining([expect.objectContaining({ deliveryId: delivery.id, attempts: 3 })]));
  });

  it('disables the subscription when the endpoint answers 410 Gone, and parks later deliveries', async () => {
    const shop = tenant();
    const sub = await t.subscriptions.create({ tenant: shop, url: receiver.url('/gone'), events: ['points.earned'] });
    receiver.respond = () => ({ status: 410 });
    await t.publisher.publish('points.earned', points(), { tenant: shop });
    await eventually(async () => !(await t.subscriptions.get(sub.id)).isActive);
    const view = await t.subscriptions.get(sub.id);
    expect(view.disabledReason).toMatch(/410/);
    expect(receiver.requests).toHaveLength(1);
    const again = await t.publisher.publish('points.earned', points(), { tenant: shop });
    expect(again.deliveryCount).toBe(0);
  });

  it('delivers a payload near maxPayloadBytes byte for byte, its keys in the order published', async () => {
    const shop = tenant();
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/large'), events: ['points.earned'] });
    // Past MySQL's 64 KB TEXT, in characters of two to four bytes, keys unsorted (a JSON column would sort them).
    const data = { new_balance: 2350, note: 'ä€😀'.repeat(28_000), customer_id: 'cust_1', amount: 150 };
    const serialized = JSON.stringify(data);
    expect(Buffer.byteLength(serialized)).toBeGreaterThan(250_000);
    await t.publisher.publish('points.earned', data, { tenant: shop });
    await receiver.waitFor(1);
    expect(receiver.requests[0].body).toContain(`"data":${serialized}`);
  });

  it('tells apart tenants, and idempotency keys, that differ only in letter case', async () => {
    const shop = tenant();
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/cased'), events: ['*'] });
    const upper = await t.publisher.publish('points.earned', points(), { tenant: shop.toUpperCase(), idempotencyKey: 'order-7' });
    expect(upper.deliveryCount).toBe(0);
    expect((await t.subscriptions.list({ tenant: shop.toUpperCase() })).data).toHaveLength(0);
    const lower = await t.publisher.publish('points.earned', points(), { tenant: shop, idempotencyKey: 'order-7' });
    expect(lower).toMatchObject({ deliveryCount: 1, duplicate: false });
    const cased = await t.publisher.publish('points.earned', points(), { tenant: shop, idempotencyKey: 'ORDER-7' });
    expect(cased).toMatchObject({ deliveryCount: 1, duplicate: false });
    await receiver.waitFor(2);
  });

  it('returns the first message for a repeated idempotency key and creates no new deliveries', async () => {
    const shop = tenant();
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/idem'), events: ['points.earned'] });
    const first = await t.publisher.publish('points.earned', points(), { tenant: shop, idempotencyKey: 'order-42' });
    const second = await t.publisher.publish('points.earned', points(), { tenant: shop, idempotencyKey: 'order-42' });
    const otherTenant = await t.publisher.publish('points.earned', points(), { tenant: tenant(), idempotencyKey: 'order-42' });
    expect(second).toEqual({ messageId: first.messageId, deliveryCount: 1, duplicate: true });
    expect(otherTenant.messageId).not.toBe(first.messageId);
    await receiver.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests).toHaveLength(1);
    expect((await t.deliveries.list({ tenant: shop })).data).toHaveLength(1);
  });

  it('writes nothing and sends nothing when the host transaction rolls back, and delivers when it commits', async () => {
    const shop = tenant();
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/outbox'), events: ['points.earned'] });
    await expect(
      t.dataSource.transaction(async (manager) => {
        await t.publisher.publish('points.earned', points('rolled-back'), { tenant: shop, manager });
        throw new Error('host failure');
      }),
    ).rejects.toThrow('host failure');
    await t.dataSource.transaction(async (manager) => {
      await t.publisher.publish('points.earned', points('committed'), { tenant: shop, manager });
    });
    await receiver.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests.map((r) => JSON.parse(r.body).data.customer_id)).toEqual(['committed']);
    expect((await t.deliveries.list({ tenant: shop })).data).toHaveLength(1);
  });

  it('publishes events emitted on the EventEmitter that match the bridge', async () => {
    const shop = tenant();
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/bridge'), events: ['*'] });
    const emitter = t.app.get(EventEmitter2);
    const results = await emitter.emitAsync('points.earned', { shop, ...points('via-bridge') });
    expect(results.filter(Boolean)).toEqual([expect.objectContaining({ deliveryCount: 1 })]);
    emitter.emit('customer.created', { shop, customer_id: 'not-bridged' });
    await receiver.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests.map((r) => JSON.parse(r.body).data)).toEqual([points('via-bridge')]);
    const [delivery] = (await t.deliveries.list({ tenant: shop })).data;
    expect(delivery.orderingKey).toBe(points('via-bridge').customer_id);
  });

  it('surfaces a bridged publish that fails instead of swallowing it', async () => {
    const failures: unknown[] = [];
    const emitter = t.app.get(EventEmitter2);
    emitter.on('hookline.publish.failed', (payload: unknown) => failures.push(payload));
    await expect(emitter.emitAsync('points.earned', { shop: tenant(), amount: 'many' })).rejects.toBeInstanceOf(EventDataValidationError);
    expect(failures).toEqual([expect.objectContaining({ event: 'points.earned', code: 'HOOKLINE_INVALID_EVENT_DATA' })]);
  });

  it('signs with both the new and the previous secret during the rotation grace period', async () => {
    const shop = tenant();
    const created = await t.subscriptions.create({ tenant: shop, url: receiver.url('/rotate'), events: ['points.earned'] });
    const rotated = await t.subscriptions.rotateSecret(created.id, { graceSeconds: 3600, tenant: shop });
    expect(rotated.secret).not.toBe(created.secret);
    await t.publisher.publish('points.earned', points(), { tenant: shop });
    await receiver.waitFor(1);
    const [request] = receiver.requests;
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [created.secret, rotated.secret]) {
      expect(() => verifier.verify({ body: request.body, headers: request.headers as never, secrets: secret })).not.toThrow();
    }
  });

  it('rejects an unknown event type or invalid data and stores nothing', async () => {
    const shop = tenant();
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/bad'), events: ['*'] });
    await expect(t.publisher.publish('points.earnd', points(), { tenant: shop })).rejects.toBeInstanceOf(UnknownEventTypeError);
    await expect(t.publisher.publish('points.earned', { customer_id: 'c', amount: 'x' }, { tenant: shop })).rejects.toMatchObject({
      code: 'HOOKLINE_INVALID_EVENT_DATA',
      pointer: '/data/amount',
    });
    await expect(t.publisher.publish('points.earned', { customer_id: 'c', note: 'x'.repeat(300_000) }, { tenant: shop })).rejects.toMatchObject({
      code: 'HOOKLINE_PAYLOAD_TOO_LARGE',
    });
    const [{ count }] = await t.dataSource.query(`SELECT COUNT(*) AS count FROM webhook_message WHERE tenant = '${shop}'`);
    expect(Number(count)).toBe(0);
    expect((await t.deliveries.list({ tenant: shop })).data).toHaveLength(0);
  });

  it('delivers a message with channels only to subscriptions sharing a channel or having none', async () => {
    const shop = tenant();
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/app-a'), events: ['*'], channels: ['app-a'] });
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/app-b'), events: ['*'], channels: ['app-b'] });
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/all'), events: ['*'] });
    const result = await t.publisher.publish('points.earned', points(), { tenant: shop, channels: ['app-a'] });
    expect(result.deliveryCount).toBe(2);
    await receiver.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests.map((r) => r.path).sort()).toEqual(['/all', '/app-a']);
  });

  it('resends a failed delivery under the same id with a new series of attempts', async () => {
    const shop = tenant();
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/resend'), events: ['points.earned'] });
    receiver.respond = () => ({ status: 500 });
    await t.publisher.publish('points.earned', points(), { tenant: shop });
    await eventually(async () => (await t.deliveries.list({ tenant: shop })).data[0]?.status === 'failed');
    receiver.respond = () => ({ status: 200 });
    const [failed] = (await t.deliveries.list({ tenant: shop, status: 'failed' })).data;
    await t.deliveries.resend(failed.id, { tenant: shop });
    await eventually(async () => (await t.deliveries.get(failed.id)).status === 'delivered');
    const detail = await t.deliveries.get(failed.id);
    expect(detail.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200]);
    expect(receiver.requests.at(-1)!.headers['webhook-id']).toBe(failed.id);
  });

  it('keeps tenants apart: another tenant\'s subscription or delivery is not found', async () => {
    const shop = tenant();
    const sub = await t.subscriptions.create({ tenant: shop, url: receiver.url('/mine'), events: ['*'] });
    await expect(t.subscriptions.get(sub.id, { tenant: 'someone-else' })).rejects.toMatchObject({ code: 'HOOKLINE_SUBSCRIPTION_NOT_FOUND' });
    await expect(t.subscriptions.rotateSecret(sub.id, { tenant: 'someone-else' })).rejects.toMatchObject({ code: 'HOOKLINE_SUBSCRIPTION_NOT_FOUND' });
  });
});
