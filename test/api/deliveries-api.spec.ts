import { createSigner } from '@hookline/nestjs';
import { ALL_DRIVERS } from '../support/drivers';
import { eventually } from '../support/receiver';
import { receiverSuite } from '../support/receiver-suite';
import { errorsOf, type ApiClient } from './support/api-client';
import { createApiTestApp, type ApiTestApp } from './support/api-test-app';

const verifier = createSigner({ scheme: 'standard' });
const points = (customer = 'cust_1') => ({ customer_id: customer, amount: 150, new_balance: 2350 });

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('deliveries API on %s', (_name, makeDriver) => {
  let t: ApiTestApp;
  // Two attempts, 100 ms apart, then failed: quick to exhaust, so resend and replay have work.
  const receiver = receiverSuite(makeDriver, async (driver) => (t = await createApiTestApp(driver, { retry: { schedule: [100], jitter: 0 } })));

  async function subscribe(write: ApiClient, path: string, events = ['points.*']): Promise<{ id: string; secret: string }> {
    const response = await write.post('/webhook-subscriptions', { url: receiver.url(path), events });
    expect(response.status).toBe(201);
    return { id: response.body.data.id, secret: response.body.data.attributes.secret };
  }

  const statusOf = async (id: string) => (await t.deliveries.get(id)).status;

  it('lists, filters and shows deliveries with every attempt', async () => {
    const { tenant, read, write } = await t.tenant();
    const a = await subscribe(write, '/log-a');
    const b = await subscribe(write, '/log-b', ['customer.*']);
    const earned = await t.publisher.publish('points.earned', points(), { tenant });
    await t.publisher.publish('customer.created', { customer_id: 'c9', email: 'c9@example.com' }, { tenant });
    await receiver.waitFor(2);
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 2);

    const all = await read.get('/deliveries');
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(2);
    expect(all.body.meta).toEqual({ next_cursor: null });
    const bySubscription = await read.get(`/deliveries?subscription_id=${a.id}`);
    expect(bySubscription.body.data).toEqual([
      {
        type: 'webhook_delivery',
        id: expect.stringMatching(/^dlv_/),
        attributes: {
          message_id: earned.messageId,
          subscription_id: a.id,
          event_type: 'points.earned',
          ordering_key: null,
          status: 'delivered',
          attempt_count: 1,
          next_attempt_at: null,
          last_status_code: 200,
          last_error: null,
          delivered_at: expect.any(String),
          created_at: expect.any(String),
          updated_at: expect.any(String),
        },
      },
    ]);
    expect((await read.get(`/deliveries?event_type=customer.created`)).body.data.map((d: any) => d.attributes.subscription_id)).toEqual([b.id]);
    expect((await read.get('/deliveries?status=failed')).body.data).toEqual([]);
    expect((await read.get(`/deliveries?since=${new Date(Date.now() + 60_000).toISOString()}`)).body.data).toEqual([]);
    expect((await read.get(`/deliveries?until=${new Date(Date.now() + 60_000).toISOString()}`)).body.data).toHaveLength(2);

    const one = await read.get(`/deliveries/${bySubscription.body.data[0].id}`);
    expect(one.body.data.attributes.attempts).toEqual([
      { id: expect.stringMatching(/^att_/), started_at: expect.any(String), duration_ms: expect.any(Number), status_code: 200, response_excerpt: 'ok', request_headers: expect.objectContaining({ 'webhook-signature': expect.stringMatching(/^••••/) }), response_headers: expect.objectContaining({ connection: 'keep-alive' }), response_headers_truncated: false, subscription_header_count: 0, error: null },
    ]);

    for (const [query, parameter] of [['status=lost', 'status'], ['since=yesterday', 'since'], ['limit=1000', 'limit'], ['tenant=other', 'tenant']]) {
      const bad = await read.get(`/deliveries?${query}`);
      expect(bad.status).toBe(400);
      expect(errorsOf(bad)).toEqual([{ code: expect.any(String), at: parameter }]);
    }
  });

  it('shows a message with its deliveries', async () => {
    const { tenant, read, write } = await t.tenant();
    const a = await subscribe(write, '/msg-a');
    const b = await subscribe(write, '/msg-b', ['*']);
    const published = await t.publisher.publish('points.earned', points('cust_m'), { tenant, idempotencyKey: 'order-7' });
    await receiver.waitFor(2);
    const response = await read.get(`/messages/${published.messageId}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      type: 'webhook_message',
      id: published.messageId,
      attributes: { event_type: 'points.earned', data: points('cust_m'), channels: null, idempotency_key: 'order-7', trace_context: null, created_at: expect.any(String) },
    });
    expect(response.body.data.relationships.deliveries.data).toHaveLength(2);
    expect(response.body.included.map((d: any) => d.attributes.subscription_id).sort()).toEqual([a.id, b.id].sort());
    const missing = await read.get('/messages/msg_01JD3Q2Z8M6X4N5P7R9S1T3V5W');
    expect(missing.status).toBe(404);
    expect(errorsOf(missing)).toEqual([{ code: 'HOOKLINE_MESSAGE_NOT_FOUND', at: '/id' }]);
  });

  it('lists the event catalog with schemas and examples', async () => {
    const { read } = await t.tenant();
    const response = await read.get('/event-types');
    expect(response.status).toBe(200);
    const earned = response.body.data.find((e: any) => e.id === 'points.earned');
    expect(earned).toEqual({
      type: 'event_type',
      id: 'points.earned',
      attributes: {
        name: 'points.earned',
        description: expect.any(String),
        group: expect.any(String),
        deprecated: false,
        schema: expect.objectContaining({ type: 'object' }),
        example: expect.any(Object),
      },
    });
    expect(response.body.data.map((e: any) => e.id)).toContain('test');
  });

  it('resends a failed delivery: a new series the receiver gets with the same id', async () => {
    const { tenant, write } = await t.tenant();
    const sub = await subscribe(write, '/resend');
    receiver.respond = () => ({ status: 503, body: 'down' });
    await t.publisher.publish('points.earned', points(), { tenant });
    const [delivery] = (await t.deliveries.list({ tenant })).data;
    await eventually(async () => (await statusOf(delivery.id)) === 'failed');
    expect(receiver.requests).toHaveLength(2);

    receiver.respond = () => ({ status: 200, body: 'back' });
    const resent = await write.post(`/deliveries/${delivery.id}/resend`);
    expect(resent.status).toBe(202);
    expect(resent.body.data).toMatchObject({ id: delivery.id, attributes: { status: 'pending', attempt_count: 0 } });
    await receiver.waitFor(3);
    const last = receiver.requests[2];
    expect(last.headers['webhook-id']).toBe(delivery.id);
    expect(() => verifier.verify({ body: last.body, headers: last.headers as never, secrets: sub.secret })).not.toThrow();
    await eventually(async () => (await statusOf(delivery.id)) === 'delivered');
    const detail = await write.get(`/deliveries/${delivery.id}`);
    expect(detail.body.data.attributes.attempts.map((a: any) => a.status_code)).toEqual([503, 503, 200]);

    const other = await t.tenant();
    const foreign = await other.write.post(`/deliveries/${delivery.id}/resend`);
    expect(foreign.status).toBe(404);
    expect(errorsOf(foreign)).toEqual([{ code: 'HOOKLINE_DELIVERY_NOT_FOUND', at: '/id' }]);
    expect((await other.read.get(`/deliveries/${delivery.id}`)).status).toBe(404);
    expect((await other.read.get(`/deliveries?subscription_id=${sub.id}`)).body.data).toEqual([]);
  });

  it('replays failed deliveries in bulk; the receiver gets every one', async () => {
    const { tenant, write } = await t.tenant();
    const sub = await subscribe(write, '/replay');
    const otherSub = await subscribe(write, '/replay-other');
    receiver.respond = () => ({ status: 500 });
    const before = new Date(Date.now() - 1000).toISOString();
    await t.publisher.publishMany([1, 2, 3].map((i) => ({ type: 'points.earned', data: points(`cust_${i}`), tenant })));
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'failed' })).data.length === 6);
    receiver.requests.length = 0;
    receiver.respond = () => ({ status: 200 });

    const none = await write.post(`/webhook-subscriptions/${sub.id}/replay`, { status: 'failed', since: new Date(Date.now() + 60_000).toISOString() });
    expect(none.body.meta.queued).toBe(0);
    const replayed = await write.post(`/webhook-subscriptions/${sub.id}/replay`, { status: 'failed', since: before, until: new Date(Date.now() + 1000).toISOString() });
    expect(replayed.status).toBe(202);
    expect(replayed.body).toEqual({ meta: { queued: 3, subscription_id: sub.id, status: 'failed', since: new Date(before).toISOString(), until: expect.any(String) } });
    await receiver.waitFor(3);
    await eventually(async () => (await t.deliveries.list({ tenant, subscriptionId: sub.id, status: 'delivered' })).data.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests.map((r) => r.path)).toEqual(['/replay', '/replay', '/replay']);
    expect((await t.deliveries.list({ tenant, subscriptionId: otherSub.id, status: 'failed' })).data).toHaveLength(3);

    for (const body of [{}, { status: 'delivered' }, { status: 'failed', since: 'last week' }, { status: 'failed', everything: true }]) {
      const bad = await write.post(`/webhook-subscriptions/${sub.id}/replay`, body);
      expect(bad.status).toBe(400);
    }
  });

  it('sends a test event now and returns the delivery with its first attempt', async () => {
    const { write } = await t.tenant();
    const sub = await subscribe(write, '/test-ok', ['customer.created']);
    const response = await write.post(`/webhook-subscriptions/${sub.id}/test`);
    expect(response.status).toBe(200);
    expect(response.body.data.attributes).toMatchObject({
      subscription_id: sub.id,
      event_type: 'test',
      status: 'delivered',
      attempt_count: 1,
      attempts: [expect.objectContaining({ status_code: 200, response_excerpt: 'ok', error: null })],
    });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(JSON.parse(request.body)).toMatchObject({ type: 'test', data: { message: expect.any(String) } });
    expect(() => verifier.verify({ body: request.body, headers: request.headers as never, secrets: sub.secret })).not.toThrow();

    receiver.respond = () => ({ status: 500, body: 'nope' });
    const failing = await write.post(`/webhook-subscriptions/${sub.id}/test`);
    expect(failing.body.data.attributes).toMatchObject({ status: 'pending', attempts: [expect.objectContaining({ status_code: 500, response_excerpt: 'nope' })] });

    await write.patch(`/webhook-subscriptions/${sub.id}`, { is_active: false });
    const disabled = await write.post(`/webhook-subscriptions/${sub.id}/test`);
    expect(disabled.status).toBe(409);
    expect(errorsOf(disabled)).toEqual([{ code: 'HOOKLINE_SUBSCRIPTION_INACTIVE', at: '/id' }]);
  });

  it("reports a subscription's success rate, latency, retry rate and counts", async () => {
    const { tenant, read, write } = await t.tenant();
    const sub = await subscribe(write, '/stats');
    let statsRequests = 0;
    receiver.respond = (request) => (request.path === '/stats' && statsRequests++ === 0 ? { status: 500 } : { status: 200 });
    await t.publisher.publish('points.earned', points('first'), { tenant });
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 1);
    await t.publisher.publish('points.earned', points('second'), { tenant });
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 2);

    const response = await read.get(`/webhook-subscriptions/${sub.id}/stats?window=1h`);
    expect(response.status).toBe(200);
    // The endpoint's adaptive limit, once a worker has reported it (every few seconds while it changes).
    const { concurrency_limit: limit } = response.body.data.attributes;
    expect(limit === null || (Number.isInteger(limit) && limit >= 1)).toBe(true);
    delete response.body.data.attributes.concurrency_limit;
    expect(response.body.data).toEqual({
      type: 'webhook_subscription_stats',
      id: sub.id,
      attributes: {
        window: '1h',
        since: expect.any(String),
        until: expect.any(String),
        deliveries: { total: 2, pending: 0, delivered: 2, failed: 0 },
        attempts: 3,
        success_rate: 1,
        retry_rate: 0.5,
        latency_ms: { p50: expect.any(Number), p95: expect.any(Number) },
        // No rate limit: nothing is ever held back by one.
        rate_limited_until: null,
      },
    });
    const { p50, p95 } = response.body.data.attributes.latency_ms;
    expect(p95).toBeGreaterThanOrEqual(p50);
    expect((await read.get(`/webhook-subscriptions/${sub.id}/stats`)).body.data.attributes.window).toBe('24h');
    const empty = await t.tenant();
    const quiet = await subscribe(empty.write, '/quiet');
    expect((await empty.read.get(`/webhook-subscriptions/${quiet.id}/stats`)).body.data.attributes).toMatchObject({
      deliveries: { total: 0, pending: 0, delivered: 0, failed: 0 },
      attempts: 0,
      success_rate: null,
      retry_rate: null,
      latency_ms: null,
    });
    for (const window of ['forever', '0h', '31d']) {
      const bad = await read.get(`/webhook-subscriptions/${sub.id}/stats?window=${window}`);
      expect(bad.status).toBe(400);
      expect(errorsOf(bad)[0].code).toMatch(/HOOKLINE_INVALID_(FIELD|STATS_WINDOW)/);
    }
  });

  it('splits the stats window into time buckets for a chart', async () => {
    const { tenant, read, write } = await t.tenant();
    const sub = await subscribe(write, '/buckets');
    let bucketRequests = 0;
    receiver.respond = (request) => (request.path === '/buckets' && bucketRequests++ === 0 ? { status: 500 } : { status: 200 });
    const early = await t.publisher.publish('points.earned', points('early'), { tenant });
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 1);
    await t.publisher.publish('points.earned', points('late'), { tenant });
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 2);
    // Move the first delivery (a retry: 500 then 200) and its attempts 40 minutes back, into the first half of the hour.
    const [moved] = (await t.deliveries.list({ tenant, messageId: early.messageId })).data;
    const shift = { id: moved.id, ms: 40 * 60_000 };
    await t.runtime.store.sql.execute('UPDATE webhook_delivery SET created_at = created_at - :ms WHERE id = :id', shift);
    await t.runtime.store.sql.execute('UPDATE webhook_attempt SET started_at = started_at - :ms WHERE delivery_id = :id', shift);

    const response = await read.get(`/webhook-subscriptions/${sub.id}/stats?window=1h&buckets=4`);
    expect(response.status).toBe(200);
    const { attributes } = response.body.data;
    expect(attributes).toMatchObject({ window: '1h', deliveries: { total: 2, delivered: 2 }, attempts: 3, retry_rate: 0.5 });
    expect(attributes.series).toHaveLength(4);
    expect(attributes.series[0].since).toBe(attributes.since);
    expect(attributes.series[3].until).toBe(attributes.until);
    for (let i = 1; i < 4; i++) expect(attributes.series[i].since).toBe(attributes.series[i - 1].until);
    expect(attributes.series.map((s: any) => [s.deliveries.total, s.attempts, s.retry_rate, s.success_rate])).toEqual([
      [0, 0, null, null],
      [1, 2, 1, 1],
      [0, 0, null, null],
      [1, 1, 0, 1],
    ]);
    expect(attributes.series[1].latency_ms).toEqual({ p50: expect.any(Number), p95: expect.any(Number) });
    expect(attributes.series[2].latency_ms).toBeNull();
    expect((await read.get(`/webhook-subscriptions/${sub.id}/stats?window=1h`)).body.data.attributes.series).toBeUndefined();
    for (const buckets of ['0', '121', 'x', '1.5']) {
      const bad = await read.get(`/webhook-subscriptions/${sub.id}/stats?window=1h&buckets=${buckets}`);
      expect([buckets, bad.status, errorsOf(bad)[0]?.at]).toEqual([buckets, 400, expect.stringContaining('buckets')]);
    }
  });

  it('walks 600 deliveries newest first with the cursor without gaps or repeats', async () => {
    const { tenant, read, write } = await t.tenant();
    await subscribe(write, '/many');
    const published = await t.publisher.publishMany(Array.from({ length: 600 }, (_, i) => ({ type: 'points.earned', data: points(`c${i}`), tenant })));
    expect(published.every((p) => p.deliveryCount === 1)).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await read.get(`/deliveries?limit=97${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((d: { id: string }) => d.id));
      cursor = page.body.meta.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(600);
    expect(new Set(seen).size).toBe(600);
    expect([...seen].sort().reverse()).toEqual(seen);
    await receiver.waitFor(600, 60_000);
  }, 90_000);
});
