import type { LoggerService } from '@nestjs/common';
import request from 'supertest';
import { createSigner, InvalidSubscriptionHeaderError } from '@hookline/nestjs';
import { ALL_DRIVERS } from '../support/drivers';
import { eventually, TestReceiver, type ReceivedRequest } from '../support/receiver';
import { errorsOf, type ApiClient } from './support/api-client';
import { createApiTestApp, type ApiTestApp } from './support/api-test-app';
import { schemasOf } from './support/openapi-schemas';

/** Keeps every line any part of the app logs, at every level. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private keep = (...values: unknown[]) => void this.lines.push(values.map((v) => (v instanceof Error ? `${v.message} ${v.stack}` : String(v))).join(' '));
  log = this.keep;
  error = this.keep;
  warn = this.keep;
  debug = this.keep;
  verbose = this.keep;
  fatal = this.keep;
}

const API_KEY = 'sk_live_51H8Zq2eZvKYlo2CxyZ9';
const TOKEN = 'Bearer partner-token-7781';
const verifier = createSigner({ scheme: 'standard' });

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('per-subscription headers on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  const receiver = new TestReceiver();
  const logger = new CapturingLogger();
  let t: ApiTestApp;

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    // One retry 50 ms after a failure, then failed.
    t = await createApiTestApp(driver, { retry: { schedule: [50], jitter: 0 } }, { logger });
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await driver.tearDown();
  });

  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.respond = () => ({ status: 200, body: 'ok' });
  });

  const create = (write: ApiClient, body: object = {}) =>
    write.post('/webhook-subscriptions', { url: receiver.url('/with-headers'), events: ['*'], headers: { 'X-Api-Key': API_KEY, Authorization: TOKEN }, ...body });
  const rawColumn = async (id: string): Promise<string | null> =>
    (await t.dataSource.createQueryBuilder().select('s.headers_enc', 'sealed').from('webhook_subscription', 's').where('s.id = :id', { id }).getRawOne()).sealed;
  const sentTo = (path: string) => receiver.requests.filter((r: ReceivedRequest) => r.path === path);

  it('creates a subscription with headers, shown masked from the create response on', async () => {
    const { write, read } = await t.tenant();
    const created = await create(write);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      data: {
        type: 'webhook_subscription',
        id: expect.stringMatching(/^whsub_/),
        attributes: {
          url: receiver.url('/with-headers'),
          events: ['*'],
          channels: null,
          description: null,
          is_active: true,
          disabled_reason: null,
          profile: null,
          headers: { 'X-Api-Key': '••••xyZ9', Authorization: '••••7781' },
          rate_limit: null,
          secret: expect.stringMatching(/^whsec_/),
          created_at: expect.any(String),
          updated_at: expect.any(String),
        },
      },
    });
    const { id } = created.body.data;
    const fetched = await read.get(`/webhook-subscriptions/${id}`);
    expect(fetched.body.data.attributes.headers).toEqual({ 'X-Api-Key': '••••xyZ9', Authorization: '••••7781' });
    const listed = await read.get('/webhook-subscriptions');
    expect(listed.body.data.map((s: { attributes: { headers: unknown } }) => s.attributes.headers)).toEqual([{ 'X-Api-Key': '••••xyZ9', Authorization: '••••7781' }]);
    for (const response of [created, fetched, listed]) {
      expect(response.text).not.toContain(API_KEY);
      expect(response.text).not.toContain('partner-token');
    }
    const document = (await request(t.app.getHttpServer()).get('/v1/openapi.json')).body;
    const validate = schemasOf(document)('#/components/schemas/SubscriptionDocumentSchema');
    expect([validate(fetched.body), validate.errors ?? null]).toEqual([true, null]);
    expect(document.components.schemas.CreateSubscriptionDto.properties.headers.additionalProperties).toEqual({ type: 'string' });
  });

  it('shows null for a subscription without headers, and short values as •••• only', async () => {
    const { write } = await t.tenant();
    const plain = await write.post('/webhook-subscriptions', { url: receiver.url('/plain'), events: ['*'] });
    expect(plain.body.data.attributes.headers).toBeNull();
    const short = await create(write, { headers: { 'X-Api-Key': 'abc' } });
    expect(short.body.data.attributes.headers).toEqual({ 'X-Api-Key': '••••' });
  });

  it('stores the headers encrypted: the raw column holds neither names nor values, and nothing when there are none', async () => {
    const { write } = await t.tenant();
    const { id } = (await create(write)).body.data;
    const sealed = await rawColumn(id);
    expect(sealed).toMatch(/^v1:[0-9a-f]{8}:/);
    for (const clear of [API_KEY, 'X-Api-Key', 'partner-token', 'Authorization']) expect(sealed).not.toContain(clear);
    const plain = (await write.post('/webhook-subscriptions', { url: receiver.url('/plain'), events: ['*'] })).body.data;
    expect(await rawColumn(plain.id)).toBeNull();
  });

  it('sends the headers with the first attempt and with the retry, beside a valid signature', async () => {
    const { tenant, write } = await t.tenant();
    const created = (await create(write, { url: receiver.url('/retried') })).body.data;
    receiver.respond = (_request, index) => (index === 0 ? { status: 500, body: 'first fails' } : { status: 200, body: 'ok' });
    await t.publisher.publish('points.earned', { customer_id: 'c1', amount: 10 }, { tenant });
    await receiver.waitFor(2);
    const [first, retry] = sentTo('/retried');
    for (const sent of [first, retry]) {
      expect(sent.headers['x-api-key']).toBe(API_KEY);
      expect(sent.headers.authorization).toBe(TOKEN);
      expect(sent.headers['content-type']).toBe('application/json');
      expect(() => verifier.verify({ body: sent.body, headers: sent.headers as never, secrets: created.attributes.secret })).not.toThrow();
    }
    expect(retry.headers['webhook-id']).toBe(first.headers['webhook-id']);
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 1);
  });

  it('sends them with test events and resends', async () => {
    const { tenant, write } = await t.tenant();
    const { id } = (await create(write, { url: receiver.url('/tested') })).body.data;
    const tested = await write.post(`/webhook-subscriptions/${id}/test`);
    expect(tested.body.data.attributes.status).toBe('delivered');
    const resent = await write.post(`/deliveries/${tested.body.data.id}/resend`);
    expect(resent.status).toBe(202);
    await receiver.waitFor(2);
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 1);
    expect(sentTo('/tested').map((sent) => sent.headers['x-api-key'])).toEqual([API_KEY, API_KEY]);
  });

  it('replaces the whole map on PATCH, keeps it when headers are left out, and removes it with null', async () => {
    const { write } = await t.tenant();
    const { id } = (await create(write, { url: receiver.url('/patched') })).body.data;
    const replaced = await write.patch(`/webhook-subscriptions/${id}`, { headers: { 'X-Other': 'other-value-000000000042' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.data.attributes.headers).toEqual({ 'X-Other': '••••0042' });
    const kept = await write.patch(`/webhook-subscriptions/${id}`, { description: 'renamed' });
    expect(kept.body.data.attributes.headers).toEqual({ 'X-Other': '••••0042' });
    await write.post(`/webhook-subscriptions/${id}/test`);
    expect(sentTo('/patched')[0].headers).toMatchObject({ 'x-other': 'other-value-000000000042' });
    expect(sentTo('/patched')[0].headers).not.toHaveProperty('x-api-key');
    const cleared = await write.patch(`/webhook-subscriptions/${id}`, { headers: null });
    expect(cleared.body.data.attributes.headers).toBeNull();
    expect(await rawColumn(id)).toBeNull();
    await write.post(`/webhook-subscriptions/${id}/test`);
    expect(sentTo('/patched')[1].headers).not.toHaveProperty('x-other');
    expect((await write.patch(`/webhook-subscriptions/${id}`, { headers: {} })).body.data.attributes.headers).toBeNull();
  });

  it.each([
    ['a name that is no token', { 'X Api': 'v' }, '/headers/X Api'],
    ['a name with a colon', { 'X-Api:': 'v' }, '/headers/X-Api:'],
    ['a name with CRLF', { 'X-A\r\nX-Evil': 'v' }, '/headers/X-A\r\nX-Evil'],
    ['a name with a slash', { 'X/Api': 'v' }, '/headers/X~1Api'],
    ['Connection', { Connection: 'close' }, '/headers/Connection'],
    ['Keep-Alive', { 'Keep-Alive': 'timeout=5' }, '/headers/Keep-Alive'],
    ['Proxy-Authorization', { 'Proxy-Authorization': 'Basic x' }, '/headers/Proxy-Authorization'],
    ['TE', { TE: 'trailers' }, '/headers/TE'],
    ['Trailer', { Trailer: 'X-Sum' }, '/headers/Trailer'],
    ['Transfer-Encoding', { 'Transfer-Encoding': 'chunked' }, '/headers/Transfer-Encoding'],
    ['Upgrade', { Upgrade: 'websocket' }, '/headers/Upgrade'],
    ['Host', { Host: 'internal.example' }, '/headers/Host'],
    ['Content-Length', { 'Content-Length': '1' }, '/headers/Content-Length'],
    ['Expect', { Expect: '100-continue' }, '/headers/Expect'],
    ['the signature header', { 'Webhook-Signature': 'v1,forged' }, '/headers/Webhook-Signature'],
    ['the id header', { 'WEBHOOK-ID': 'dlv_x' }, '/headers/WEBHOOK-ID'],
    ['the timestamp header', { 'webhook-timestamp': '1' }, '/headers/webhook-timestamp'],
    ['Content-Type', { 'Content-Type': 'text/plain' }, '/headers/Content-Type'],
    ['User-Agent', { 'User-Agent': 'Mozilla' }, '/headers/User-Agent'],
    ['a value with CR', { 'X-Api-Key': 'a\rb' }, '/headers/X-Api-Key'],
    ['a value with LF', { 'X-Api-Key': 'a\nX-Evil: 1' }, '/headers/X-Api-Key'],
    ['a value with a control character', { 'X-Api-Key': 'a\u0007b' }, '/headers/X-Api-Key'],
    ['a value with non-ASCII text', { 'X-Api-Key': 'clé' }, '/headers/X-Api-Key'],
    ['a value that is no string', { 'X-Api-Key': 42 }, '/headers/X-Api-Key'],
    ['an empty value', { 'X-Api-Key': '' }, '/headers/X-Api-Key'],
    ['a name given twice', { 'X-Api-Key': 'a', 'x-api-key': 'b' }, '/headers/x-api-key'],
    ['more than 20 headers', Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-H${i}`, 'v'])), '/headers'],
    ['more than 4096 bytes', { 'X-Big': 'v'.repeat(4092) }, '/headers'],
    ['an array', ['X-Api-Key: k'], '/headers'],
  ])('refuses %s with a 400 pointing at it, on create and on update, and changes nothing', async (_case, headers, pointer) => {
    const { write } = await t.tenant();
    const refused = await create(write, { headers });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toEqual([{ code: 'HOOKLINE_INVALID_SUBSCRIPTION_HEADER', at: pointer }]);
    expect((await write.get('/webhook-subscriptions')).body.data).toEqual([]);
    const { id } = (await create(write)).body.data;
    const before = await rawColumn(id);
    const patched = await write.patch(`/webhook-subscriptions/${id}`, { headers, description: 'changed' });
    expect(errorsOf(patched)).toEqual([{ code: 'HOOKLINE_INVALID_SUBSCRIPTION_HEADER', at: pointer }]);
    expect(await rawColumn(id)).toBe(before);
    expect((await write.get(`/webhook-subscriptions/${id}`)).body.data.attributes).toMatchObject({ description: null, headers: { 'X-Api-Key': '••••xyZ9' } });
  });

  it('refuses a NUL in a value as text the database cannot store, at its pointer', async () => {
    const { write } = await t.tenant();
    expect(errorsOf(await create(write, { headers: { 'X-Api-Key': 'a\u0000b' } }))).toEqual([{ code: 'HOOKLINE_INVALID_CHARACTER', at: '/headers/X-Api-Key' }]);
    await expect(t.subscriptions.create({ tenant: 'direct', url: receiver.url(), events: ['*'], headers: { 'X-Api-Key': 'a\u0000b' } })).rejects.toMatchObject({
      code: 'HOOKLINE_INVALID_SUBSCRIPTION_HEADER',
      pointer: '/headers/X-Api-Key',
    });
  });

  it('lists every bad header of one request, beside the other fields that fail the module\'s rules', async () => {
    const { write } = await t.tenant();
    const headers = { Host: 'h', 'X-Ok': 'v', 'webhook-id': 'x' };
    const refused = await write.post('/webhook-subscriptions', { url: 'https://10.0.0.8/hook', events: ['points.earnd'], headers });
    expect(errorsOf(refused)).toEqual([
      { code: 'HOOKLINE_UNSAFE_URL', at: '/url' },
      { code: 'HOOKLINE_UNKNOWN_EVENT_TYPE', at: '/events/0' },
      { code: 'HOOKLINE_INVALID_SUBSCRIPTION_HEADER', at: '/headers/Host' },
      { code: 'HOOKLINE_INVALID_SUBSCRIPTION_HEADER', at: '/headers/webhook-id' },
    ]);
  });

  it("judges names by the subscription's profile, on create, on update and when the profile changes", async () => {
    const { write } = await t.tenant();
    const mageSignature = { 'X-Webhook-Signature': 'sha256=forged' };
    const onMage = await create(write, { profile: 'mage', headers: mageSignature });
    expect(errorsOf(onMage)).toEqual([{ code: 'HOOKLINE_INVALID_SUBSCRIPTION_HEADER', at: '/headers/X-Webhook-Signature' }]);
    const mage = (await create(write, { profile: 'mage', headers: { 'Webhook-Signature': 'not the mage header' } })).body.data;
    expect(mage.attributes.headers).toEqual({ 'Webhook-Signature': '••••ader' });
    // The stored profile, not the module's, judges an update that leaves the profile alone.
    const onStoredMage = await write.patch(`/webhook-subscriptions/${mage.id}`, { headers: { 'x-webhook-event': 'points.earned' } });
    expect(errorsOf(onStoredMage)).toEqual([{ code: 'HOOKLINE_INVALID_SUBSCRIPTION_HEADER', at: '/headers/x-webhook-event' }]);
    const standard = (await create(write, { headers: mageSignature })).body.data;
    const before = await rawColumn(standard.id);
    const toMage = await write.patch(`/webhook-subscriptions/${standard.id}`, { profile: 'mage' });
    expect(errorsOf(toMage)).toEqual([{ code: 'HOOKLINE_INVALID_SUBSCRIPTION_HEADER', at: '/headers/X-Webhook-Signature' }]);
    expect((await write.get(`/webhook-subscriptions/${standard.id}`)).body.data.attributes.profile).toBeNull();
    expect(await rawColumn(standard.id)).toBe(before);
    const bothChanged = await write.patch(`/webhook-subscriptions/${standard.id}`, { profile: 'mage', headers: { 'X-Api-Key': 'k' } });
    expect(bothChanged.body.data.attributes).toMatchObject({ profile: 'mage', headers: { 'X-Api-Key': '••••' } });
  });

  it('works the same through the WebhookSubscriptions service, as the README shows it', async () => {
    const tenant = `shop-${Math.random().toString(36).slice(2, 10)}`;
    const readme = await t.subscriptions.create({ tenant, url: receiver.url('/readme'), events: ['points.earned'], headers: { 'X-Api-Key': 'k_live_51H8Zq2eZvKYlo2C' } });
    expect(readme.headers).toEqual({ 'X-Api-Key': '••••lo2C' });
    expect(readme).not.toHaveProperty('headersEnc');
    await t.subscriptions.remove(readme.id);
    const created = await t.subscriptions.create({ tenant, url: receiver.url('/service'), events: ['*'], headers: { 'X-Api-Key': API_KEY } });
    expect(created.headers).toEqual({ 'X-Api-Key': '••••xyZ9' });
    expect((await t.subscriptions.get(created.id)).headers).toEqual({ 'X-Api-Key': '••••xyZ9' });
    expect((await t.subscriptions.list({ tenant })).data[0].headers).toEqual({ 'X-Api-Key': '••••xyZ9' });
    await expect(t.subscriptions.update(created.id, { headers: { 'webhook-signature': 'x' } })).rejects.toThrow(InvalidSubscriptionHeaderError);
    await expect(t.subscriptions.update(created.id, { headers: { 'webhook-signature': 'x' } })).rejects.toMatchObject({
      code: 'HOOKLINE_INVALID_SUBSCRIPTION_HEADER',
      pointer: '/headers/webhook-signature',
    });
    expect((await t.subscriptions.update(created.id, { headers: { 'X-Other': 'o' } })).headers).toEqual({ 'X-Other': '••••' });
    expect((await t.subscriptions.rotateSecret(created.id)).headers).toEqual({ 'X-Other': '••••' });
    expect((await t.subscriptions.update(created.id, { headers: null })).headers).toBeNull();
  });

  it('never logs a header value', () => {
    expect(logger.lines.length).toBeGreaterThan(0);
    for (const line of logger.lines) {
      expect([line, line.includes(API_KEY) || line.includes('partner-token') || line.includes('other-value')]).toEqual([line, false]);
    }
  });
});
