import fc from 'fast-check';
import type { Response } from 'supertest';
import { mysqlBullmq, postgresBullmq, sqliteInProcess, type TestDriver } from '../support/drivers';
import { eventually, TestReceiver } from '../support/receiver';
import type { ApiClient } from '../api/support/api-client';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';
import { snapshotWebhookTables } from './support/database-snapshot';
import { IGNORED_KEYS, invalidBody, junkId, junkQuery, pathSegment, rawSegment } from './support/fuzz-inputs';

type Method = 'get' | 'post' | 'patch' | 'delete';

/** Every endpoint that takes an id, with the body it is sent when the body is not the point. */
const ID_ENDPOINTS: { method: Method; path: (id: string) => string; body?: object }[] = [
  { method: 'get', path: (id) => `/webhook-subscriptions/${id}` },
  { method: 'patch', path: (id) => `/webhook-subscriptions/${id}`, body: { description: 'x' } },
  { method: 'delete', path: (id) => `/webhook-subscriptions/${id}` },
  { method: 'post', path: (id) => `/webhook-subscriptions/${id}/rotate-secret`, body: {} },
  { method: 'post', path: (id) => `/webhook-subscriptions/${id}/test` },
  { method: 'get', path: (id) => `/webhook-subscriptions/${id}/stats` },
  { method: 'post', path: (id) => `/webhook-subscriptions/${id}/replay`, body: { status: 'failed' } },
  { method: 'get', path: (id) => `/deliveries/${id}` },
  { method: 'post', path: (id) => `/deliveries/${id}/resend` },
  { method: 'get', path: (id) => `/messages/${id}` },
];

function send(client: ApiClient, method: Method, path: string, body?: object): Promise<Response> {
  if (method === 'get') return client.get(path);
  if (method === 'delete') return client.delete(path);
  return method === 'post' ? client.post(path, body) : client.patch(path, body);
}

/** One of `endpoints`, shown in counterexamples by its route rather than its arbitraries. */
function endpointOf<T extends { method?: Method; path: (id: string) => string }>(endpoints: T[]): fc.Arbitrary<T> {
  return fc.constantFrom(...endpoints.map((e) => Object.assign(Object.create(e) as T, { [fc.toStringMethod]: () => `${(e.method ?? 'get').toUpperCase()} ${e.path(':id')}` })));
}

/** A 4xx answered with the API's error document, each error carrying its status and a code. */
function expectApiError(response: Response, what: string): void {
  const errors = response.body?.errors;
  const ok =
    response.status >= 400 &&
    response.status < 500 &&
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((e: { status?: string; code?: string }) => e.status === String(response.status) && /^HOOKLINE_[A-Z_]+$/.test(e.code ?? ''));
  if (!ok) throw new Error(`${what} → ${response.status} ${response.text.slice(0, 300)}`);
}

/** Nest's own answer for a path no route matches (the API's filter only covers its routes). */
const isRouteMiss = (response: Response): boolean => response.status === 404 && /^Cannot [A-Z]+ /.test(response.body?.message ?? '');

describe.each([
  [sqliteInProcess, 200],
  [postgresBullmq, 40],
  [mysqlBullmq, 40],
] as [() => TestDriver, number][])('API fuzzing (%p)', (makeDriver, numRuns) => {
  const driver = makeDriver();
  const receiver = new TestReceiver();
  let t: ApiTestApp;
  let write: ApiClient;
  const own = { subscriptions: new Set<string>(), deliveries: new Set<string>() };
  let subscriptionId: string;
  let deliveryId: string;
  let before: Awaited<ReturnType<typeof snapshotWebhookTables>>;

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    t = await createApiTestApp(driver);
    const tenant = await t.tenant();
    write = tenant.write;
    subscriptionId = (await write.post('/webhook-subscriptions', { url: receiver.url(), events: ['*'] })).body.data.id;
    own.subscriptions.add(subscriptionId);
    // Another tenant's data must never surface, whatever the filters say.
    const other = await t.tenant();
    await other.write.post('/webhook-subscriptions', { url: receiver.url('/other'), events: ['*'] });
    await t.publisher.publish('points.earned', { customer_id: 'c1', amount: 1, new_balance: 1 }, { tenant: tenant.tenant });
    await t.publisher.publish('points.earned', { customer_id: 'c2', amount: 1, new_balance: 1 }, { tenant: other.tenant });
    await eventually(async () => (await t.dataSource.query(`SELECT id FROM webhook_delivery WHERE status = 'delivered'`)).length === 2);
    deliveryId = (await t.deliveries.list({ tenant: tenant.tenant })).data[0].id;
    own.deliveries.add(deliveryId);
  });

  beforeEach(async () => {
    before = await snapshotWebhookTables(t.dataSource);
  });

  afterEach(async () => {
    expect(await snapshotWebhookTables(t.dataSource)).toEqual(before);
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await driver.tearDown();
  });

  it('answers any id on any endpoint with a 4xx error document', async () => {
    await fc.assert(
      fc.asyncProperty(endpointOf(ID_ENDPOINTS), junkId, async (endpoint, id) => {
        const response = await send(write, endpoint.method, endpoint.path(pathSegment(id)), endpoint.body);
        expectApiError(response, `${endpoint.method.toUpperCase()} ${endpoint.path('<id>')} id=${JSON.stringify(id.slice(0, 80))}`);
      }),
      { numRuns },
    );
  });

  it('answers traversal and broken percent-escapes in paths with a 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(endpointOf(ID_ENDPOINTS), rawSegment, async (endpoint, segment) => {
        const response = await send(write, endpoint.method, endpoint.path(segment), endpoint.body);
        if (!isRouteMiss(response)) expectApiError(response, `${endpoint.method.toUpperCase()} ${endpoint.path(segment)}`);
      }),
      { numRuns: Math.min(numRuns, 60) },
    );
  });

  it('refuses malformed, mistyped, oversized and unknown-field bodies with a 4xx error document', async () => {
    const bodies: { method: 'post' | 'patch'; path: () => string; body: fc.Arbitrary<string> }[] = [
      { method: 'post', path: () => '/webhook-subscriptions', body: invalidBody({ url: 'https://hooks.example.com/in', events: ['*'] }, ['url', 'events', 'description', 'channels', 'profile', 'headers', 'rate_limit']) },
      { method: 'patch', path: () => `/webhook-subscriptions/${subscriptionId}`, body: invalidBody({}, ['url', 'events', 'description', 'is_active', 'channels', 'profile', 'headers', 'rate_limit']) },
      { method: 'post', path: () => `/webhook-subscriptions/${subscriptionId}/rotate-secret`, body: invalidBody({}, ['grace_seconds']) },
      { method: 'post', path: () => `/webhook-subscriptions/${subscriptionId}/replay`, body: invalidBody({ status: 'failed' }, ['status', 'since', 'until']) },
    ];
    await fc.assert(
      fc.asyncProperty(
        endpointOf(bodies).chain((endpoint) => fc.tuple(fc.constant(endpoint), endpoint.body)),
        async ([endpoint, body]) => {
          const response = await write.raw(endpoint.method, endpoint.path(), body);
          expectApiError(response, `${endpoint.method.toUpperCase()} ${endpoint.path()} body=${body.slice(0, 120)}`);
        },
      ),
      { numRuns },
    );
  });

  it('refuses bodies that are not JSON on the endpoints that take none', async () => {
    const paths = [() => `/webhook-subscriptions/${subscriptionId}/test`, () => `/deliveries/${deliveryId}/resend`];
    const notJson = fc.string({ unit: 'binary', maxLength: 200 }).filter((text) => {
      if (text.trim() === '') return false; // no body at all
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), notJson, async (path, body) => {
        expectApiError(await write.raw('post', path(), body), `POST ${path()} body=${JSON.stringify(body.slice(0, 80))}`);
      }),
      { numRuns: Math.min(numRuns, 60) },
    );
  });

  it('answers junk query filters with a 4xx error document or only the caller’s own rows', async () => {
    const lists = [
      { path: () => '/webhook-subscriptions', filters: ['cursor', 'limit'], own: own.subscriptions },
      { path: () => '/deliveries', filters: ['cursor', 'limit', 'subscription_id', 'status', 'event_type', 'since', 'until'], own: own.deliveries },
      { path: () => `/webhook-subscriptions/${subscriptionId}/stats`, filters: ['window', 'buckets'] },
      { path: () => '/event-types', filters: ['cursor', 'limit'] },
    ];
    await fc.assert(
      fc.asyncProperty(
        endpointOf(lists).chain((list) => fc.tuple(fc.constant(list), junkQuery(list.filters))),
        async ([list, query]) => {
          const response = await write.get(`${list.path()}?${query}`);
          if (response.status !== 200) return expectApiError(response, `GET ${list.path()}?${query.slice(0, 200)}`);
          if (list.own && Array.isArray(response.body.data)) {
            for (const row of response.body.data) expect(list.own.has(row.id)).toBe(true);
          }
        },
      ),
      { numRuns },
    );
  });

  it.each([...IGNORED_KEYS])('ignores a %s key in a body: nothing it holds is applied, nothing is polluted', async (key) => {
    const read = async () => (await write.get(`/webhook-subscriptions/${subscriptionId}`)).body.data.attributes;
    const was = await read();
    const body = `{"${key}":{"is_active":false,"url":"https://10.0.0.1/","polluted":true}}`;
    expect((await write.raw('patch', `/webhook-subscriptions/${subscriptionId}`, body)).status).toBeLessThan(500);
    expect({ ...(await read()), updated_at: undefined }).toEqual({ ...was, updated_at: undefined });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    before = await snapshotWebhookTables(t.dataSource); // an empty update may touch updated_at
  });

  // Regressions: both were 500s (a URIError from Express's router; PostgreSQL refusing a NUL byte).
  it.each(['/messages/%E0%A4%A', '/deliveries/%', '/webhook-subscriptions/%00'])('answers GET %s with a 4xx error document', async (path) => {
    expectApiError(await write.get(path), `GET ${path}`);
  });

  it.each(['/deliveries?event_type=%00', '/deliveries?subscription_id=a%00b'])('answers GET %s with no rows or a 4xx error document', async (path) => {
    const response = await write.get(path);
    if (response.status === 200) expect(response.body.data).toEqual([]);
    else expectApiError(response, `GET ${path}`);
  });

  it('never answers a NUL byte in a body field with a 5xx', async () => {
    const response = await write.post('/webhook-subscriptions', { url: receiver.url('/nul'), events: ['*'], description: 'a\u0000b' });
    expect(response.status).toBeLessThan(500); // stored on SQLite, refused by PostgreSQL
    if (response.status >= 400) expectApiError(response, 'POST /webhook-subscriptions with a NUL');
    before = await snapshotWebhookTables(t.dataSource);
  });
});
