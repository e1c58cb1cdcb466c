import { ALL_DRIVERS } from '../support/drivers';
import { eventually } from '../support/receiver';
import { receiverSuite } from '../support/receiver-suite';
import type { ApiClient } from './support/api-client';
import { createApiTestApp, type ApiTestApp } from './support/api-test-app';

const API_KEY = 'sk_live_receiver_credential_4242';
const COOKIE = 'session=cookie-value-that-must-not-be-kept';
const points = { customer_id: 'cust_7', amount: 150, note: 'café ☕ "quoted"' };

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('delivery payload and headers API on %s', (_name, makeDriver) => {
  let t: ApiTestApp;
  const receiver = receiverSuite(
    makeDriver,
    async (driver) =>
      (t = await createApiTestApp(driver, {
        redactPayload: (type, data) => (type === 'customer.created' ? { ...(data as object), email: '***' } : data),
        // A retry 100 ms after a failure, then give up: every profile, so one test sees two attempts quickly.
        retry: { schedule: [100], jitter: 0 },
      })),
  );

  async function subscribe(write: ApiClient, body: Record<string, unknown>): Promise<string> {
    const response = await write.post('/webhook-subscriptions', { url: receiver.url('/payload'), events: ['*'], ...body });
    expect(response.status).toBe(201);
    return response.body.data.id;
  }

  async function deliveredOnce(tenant: string, subscriptionId: string): Promise<string> {
    await eventually(async () => (await t.deliveries.list({ tenant, subscriptionId, status: 'delivered' })).data.length === 1);
    return (await t.deliveries.list({ tenant, subscriptionId })).data[0].id;
  }

  const storedHeaders = async (deliveryId: string): Promise<string[]> =>
    (await t.dataSource.createQueryBuilder().select('a.headers', 'headers').from('webhook_attempt', 'a').where('a.delivery_id = :id', { id: deliveryId }).getRawMany()).map(
      (row) => String(row.headers),
    );

  it.each([
    ['standard', 'webhook-signature'],
    ['loyali', 'x-loyali-signature'],
    ['mgpass', 'x-webhook-signature'],
  ])("shows the %s body exactly as the receiver got it, and each attempt's headers with %s masked", async (profile, signatureHeader) => {
    const { tenant, read, write } = await t.tenant();
    const id = await subscribe(write, { profile, headers: { 'X-Api-Key': API_KEY } });
    receiver.respond = () => ({ status: 200, body: 'ok', headers: { 'set-cookie': COOKIE, 'x-request-id': 'req-77' } });
    await t.publisher.publish('points.earned', points, { tenant });
    await receiver.waitFor(1);
    const got = receiver.requests[0];
    const deliveryId = await deliveredOnce(tenant, id);

    const response = await read.get(`/deliveries/${deliveryId}`);
    expect(response.status).toBe(200);
    const { body, attempts } = response.body.data.attributes;
    expect(body).toBe(got.body);
    expect(attempts).toHaveLength(1);
    const sent = attempts[0].request_headers as Record<string, string>;
    const signature = Object.entries(sent).find(([name]) => name.toLowerCase() === signatureHeader)!;
    expect(signature[1]).toMatch(/^••••/);
    expect(got.headers[signatureHeader]).toEqual(expect.any(String));
    // The subscription's own header is sealed with it: counted, never written to the log.
    expect(Object.keys(sent).map((name) => name.toLowerCase())).not.toContain('x-api-key');
    expect(got.headers['x-api-key']).toBe(API_KEY);
    expect(attempts[0].subscription_header_count).toBe(1);
    // Every header not masked is the value the receiver read.
    for (const [name, value] of Object.entries(sent)) {
      if (!value.startsWith('••••')) expect([name, got.headers[name.toLowerCase()]]).toEqual([name, value]);
    }
    expect(attempts[0].response_headers).toMatchObject({ 'x-request-id': 'req-77', 'set-cookie': '••••kept' });
    expect(attempts[0].response_headers_truncated).toBe(false);

    const stored = await storedHeaders(deliveryId);
    expect(stored).toHaveLength(1);
    for (const text of [stored[0], JSON.stringify(response.body)]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(API_KEY.slice(-4));
      expect(text.toLowerCase()).not.toContain('x-api-key');
      expect(text).not.toContain(COOKIE);
      expect(text).not.toContain(got.headers[signatureHeader]);
    }
  });

  it('keeps each attempt its own headers, the failed one with its answer', async () => {
    const { tenant, read, write } = await t.tenant();
    const id = await subscribe(write, { headers: { 'X-Api-Key': API_KEY } });
    const answers: { status: number; body: string; headers: Record<string, string> }[] = [
      { status: 503, body: 'busy', headers: { 'retry-after': '0', 'x-attempt': 'first' } },
      { status: 200, body: 'ok', headers: { 'x-attempt': 'second' } },
    ];
    receiver.respond = (_request, index) => answers[Math.min(index, 1)];
    await t.publisher.publish('points.earned', points, { tenant });
    await receiver.waitFor(2);
    const deliveryId = await deliveredOnce(tenant, id);
    const { body, attempts } = (await read.get(`/deliveries/${deliveryId}`)).body.data.attributes;
    expect(attempts.map((a: any) => [a.status_code, a.response_headers['x-attempt']])).toEqual([
      [503, 'first'],
      [200, 'second'],
    ]);
    expect(receiver.requests.map((r) => r.body)).toEqual([body, body]);
    attempts.forEach((attempt: any, index: number) => expect(attempt.request_headers['webhook-id']).toBe(receiver.requests[index].headers['webhook-id']));
    const stored = (await storedHeaders(deliveryId)).join('\n');
    for (const secret of [API_KEY, ...receiver.requests.map((r) => String(r.headers['webhook-signature']))]) expect(stored).not.toContain(secret);
  });

  it("shows the body through the module's redactPayload, the rest byte for byte", async () => {
    const { tenant, read, write } = await t.tenant();
    const id = await subscribe(write, {});
    await t.publisher.publish('customer.created', { customer_id: 'c1', email: 'ada@example.com', name: 'Ada' }, { tenant });
    await receiver.waitFor(1);
    const deliveryId = await deliveredOnce(tenant, id);
    const { body } = (await read.get(`/deliveries/${deliveryId}`)).body.data.attributes;
    expect(receiver.requests[0].body).toContain('"email":"ada@example.com"');
    expect(body).toBe(receiver.requests[0].body.replace('"email":"ada@example.com"', '"email":"***"'));
  });

  it('keeps at most 8 KiB of response headers and says so', async () => {
    const { tenant, read, write } = await t.tenant();
    const id = await subscribe(write, {});
    const big = (letter: string) => letter.repeat(3_000);
    receiver.respond = () => ({ status: 200, body: 'ok', headers: { 'x-first': big('a'), 'x-second': big('b'), 'x-third': big('c') } });
    await t.publisher.publish('points.earned', points, { tenant });
    await receiver.waitFor(1);
    const deliveryId = await deliveredOnce(tenant, id);
    const [attempt] = (await read.get(`/deliveries/${deliveryId}`)).body.data.attributes.attempts;
    expect(attempt.response_headers['x-first']).toBe(big('a'));
    expect(attempt.response_headers['x-second']).toBe(big('b'));
    expect(attempt.response_headers).not.toHaveProperty('x-third');
    expect(attempt.response_headers_truncated).toBe(true);
    expect((await storedHeaders(deliveryId))[0]).not.toContain(big('c'));
  });

  it('has no body to show once the subscription, and its profile, are gone', async () => {
    const { tenant, read, write } = await t.tenant();
    const id = await subscribe(write, { profile: 'mgpass' });
    await t.publisher.publish('points.earned', points, { tenant });
    await receiver.waitFor(1);
    const deliveryId = await deliveredOnce(tenant, id);
    expect((await write.delete(`/webhook-subscriptions/${id}`)).status).toBe(204);
    const after = (await read.get(`/deliveries/${deliveryId}`)).body.data.attributes;
    expect(after.body).toBeNull();
    expect(after.attempts[0].request_headers).toEqual(expect.objectContaining({ 'content-type': 'application/json' }));
  });
});
