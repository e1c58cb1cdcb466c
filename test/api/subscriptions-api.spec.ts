import { ALL_DRIVERS } from '../support/drivers';
import { TestReceiver } from '../support/receiver';
import { errorsOf } from './support/api-client';
import { createApiTestApp, type ApiTestApp } from './support/api-test-app';

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('subscriptions API on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  const receiver = new TestReceiver();
  let t: ApiTestApp;
  /** No allowlist and no plain http: what production refuses. */
  let strict: ApiTestApp;

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    t = await createApiTestApp(driver);
    strict = await createApiTestApp(driver, { delivery: { allowHttp: false, allowedHosts: [] }, worker: { enabled: false } });
  });

  afterAll(async () => {
    await strict?.close();
    await t?.close();
    await receiver.stop();
    await driver.tearDown();
  });

  const valid = () => ({ url: receiver.url('/hook'), events: ['points.earned', 'tier.*'], description: 'Production points sync' });
  const strictWriter = async () => strict.api.as((await strict.apiKeys.create({ tenant: 'strict-shop', scope: 'write' })).key);

  it('creates a subscription and shows its secret once, as seed 001', async () => {
    const { write } = await t.tenant();
    const response = await write.post('/webhook-subscriptions', valid());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      data: {
        type: 'webhook_subscription',
        id: expect.stringMatching(/^whsub_/),
        attributes: {
          url: receiver.url('/hook'),
          events: ['points.earned', 'tier.*'],
          channels: null,
          description: 'Production points sync',
          is_active: true,
          disabled_reason: null,
          profile: null,
          headers: null,
          rate_limit: null,
          secret: expect.stringMatching(/^whsec_/),
          created_at: expect.any(String),
          updated_at: expect.any(String),
        },
      },
    });
    const fetched = await write.get(`/webhook-subscriptions/${response.body.data.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.data.attributes).not.toHaveProperty('secret');
  });

  it.each([
    ['url missing', { events: ['points.earned'] }, [{ code: 'HOOKLINE_INVALID_FIELD', at: '/url' }]],
    ['url not a URL', { url: 'not a url', events: ['points.earned'] }, [{ code: 'HOOKLINE_INVALID_FIELD', at: '/url' }]],
    ['url not a string', { url: 42, events: ['points.earned'] }, [{ code: 'HOOKLINE_INVALID_FIELD', at: '/url' }]],
    ['events missing', { url: 'https://example.com/h' }, [{ code: 'HOOKLINE_INVALID_FIELD', at: '/events' }]],
    ['events empty', { url: 'https://example.com/h', events: [] }, [{ code: 'HOOKLINE_INVALID_FIELD', at: '/events' }]],
    ['events not strings', { url: 'https://example.com/h', events: [1] }, [{ code: 'HOOKLINE_INVALID_FIELD', at: '/events' }]],
    ['an event not in the catalog', { url: 'https://example.com/h', events: ['points.earned', 'points.earnd'] }, [{ code: 'HOOKLINE_UNKNOWN_EVENT_TYPE', at: '/events/1' }]],
    ['a wildcard matching nothing', { url: 'https://example.com/h', events: ['nothing.*'] }, [{ code: 'HOOKLINE_UNKNOWN_EVENT_TYPE', at: '/events/0' }]],
    ['an unknown field', { url: 'https://example.com/h', events: ['*'], secret: 'mine' }, [{ code: 'HOOKLINE_UNKNOWN_FIELD', at: '/secret' }]],
    ['a description too long', { url: 'https://example.com/h', events: ['*'], description: 'x'.repeat(513) }, [{ code: 'HOOKLINE_INVALID_FIELD', at: '/description' }]],
  ])('answers 400 for %s, pointing at the field', async (_case, body, errors) => {
    const { write } = await t.tenant();
    const response = await write.post('/webhook-subscriptions', body);
    expect(response.status).toBe(400);
    expect(errorsOf(response)).toEqual(errors);
    expect(response.body.errors[0]).toEqual({
      status: '400',
      code: errors[0].code,
      title: 'Bad Request',
      detail: expect.any(String),
      source: { pointer: errors[0].at },
    });
  });

  it('reports every invalid field of one request, one error each', async () => {
    const { write } = await t.tenant();
    const response = await write.post('/webhook-subscriptions', { url: 'nope', events: [], colour: 'red' });
    expect(response.status).toBe(400);
    expect(errorsOf(response).map((e) => e.at).sort()).toEqual(['/colour', '/events', '/url']);
    const semantic = await (await strictWriter()).post('/webhook-subscriptions', {
      url: 'https://10.0.0.8/hook',
      events: ['points.earnd', 'tier.*', 'nothing.*'],
    });
    expect(errorsOf(semantic)).toEqual([
      { code: 'HOOKLINE_UNSAFE_URL', at: '/url' },
      { code: 'HOOKLINE_UNKNOWN_EVENT_TYPE', at: '/events/0' },
      { code: 'HOOKLINE_UNKNOWN_EVENT_TYPE', at: '/events/2' },
    ]);
  });

  it('accepts wildcards', async () => {
    const { write } = await t.tenant();
    for (const events of [['*'], ['points.*', 'customer.*']]) {
      expect((await write.post('/webhook-subscriptions', { url: receiver.url(), events })).status).toBe(201);
    }
  });

  it('answers 400 for invalid JSON and for a body that is not an object', async () => {
    const { write } = await t.tenant();
    const broken = await write.raw('post', '/webhook-subscriptions', '{"url": "https://example.com", ');
    expect(broken.status).toBe(400);
    expect(errorsOf(broken)).toEqual([{ code: 'HOOKLINE_INVALID_JSON', at: '' }]);
    const array = await write.raw('post', '/webhook-subscriptions', '[1, 2]');
    expect(array.status).toBe(400);
    expect(errorsOf(array)).toEqual([{ code: 'HOOKLINE_INVALID_BODY', at: '' }]);
  });

  it('answers 413 for a body over the API limit and over the app body parser limit', async () => {
    const { write } = await t.tenant();
    const overApiLimit = await write.post('/webhook-subscriptions', { ...valid(), description: 'x'.repeat(70 * 1024) });
    expect(overApiLimit.status).toBe(413);
    expect(errorsOf(overApiLimit)).toEqual([{ code: 'HOOKLINE_REQUEST_TOO_LARGE' }]);
    const overParserLimit = await write.raw('post', '/webhook-subscriptions', JSON.stringify({ ...valid(), description: 'x'.repeat(200 * 1024) }));
    expect(overParserLimit.status).toBe(413);
    expect(errorsOf(overParserLimit)).toEqual([{ code: 'HOOKLINE_REQUEST_TOO_LARGE' }]);
  });

  it.each([
    ['plain http', 'http://example.com/hook'],
    ['a loopback IPv4 host', 'https://127.0.0.1/hook'],
    ['a loopback IPv6 host', 'https://[::1]/hook'],
    ['localhost', 'https://localhost:8443/hook'],
    ['a private host', 'https://10.1.2.3/hook'],
    ['a private 192.168 host', 'https://192.168.0.10/hook'],
    ['the cloud metadata address', 'https://169.254.169.254/latest'],
    ['embedded credentials', 'https://user:pass@example.com/hook'],
  ])('refuses %s when the module has no allowlist (verdict only, nothing is sent)', async (_case, url) => {
    const response = await (await strictWriter()).post('/webhook-subscriptions', { url, events: ['points.earned'] });
    expect(response.status).toBe(400);
    expect(errorsOf(response)).toEqual([{ code: 'HOOKLINE_UNSAFE_URL', at: '/url' }]);
    expect(response.text).not.toContain('pass@');
  });

  it('accepts a public https URL on the strict module', async () => {
    const response = await (await strictWriter()).post('/webhook-subscriptions', { url: 'https://hooks.example.com/loyalty', events: ['points.earned'] });
    expect(response.status).toBe(201);
  });

  it('gets, changes and deletes a subscription', async () => {
    const { write } = await t.tenant();
    const { id } = (await write.post('/webhook-subscriptions', valid())).body.data;
    const patched = await write.patch(`/webhook-subscriptions/${id}`, { events: ['customer.*'], description: null, is_active: false });
    expect(patched.status).toBe(200);
    expect(patched.body.data.attributes).toMatchObject({ events: ['customer.*'], description: null, is_active: false, disabled_reason: expect.any(String) });
    const resumed = await write.patch(`/webhook-subscriptions/${id}`, { is_active: true, url: receiver.url('/moved') });
    expect(resumed.body.data.attributes).toMatchObject({ is_active: true, disabled_reason: null, url: receiver.url('/moved') });
    expect((await write.get(`/webhook-subscriptions/${id}`)).body.data.attributes.url).toBe(receiver.url('/moved'));
    const badPatch = await write.patch(`/webhook-subscriptions/${id}`, { events: ['points.earned'], is_active: 'yes', tenant: 'other' });
    expect(badPatch.status).toBe(400);
    expect(errorsOf(badPatch).map((e) => e.at).sort()).toEqual(['/is_active', '/tenant']);
    const unknownEvent = await write.patch(`/webhook-subscriptions/${id}`, { events: ['points.earnd'] });
    expect(errorsOf(unknownEvent)).toEqual([{ code: 'HOOKLINE_UNKNOWN_EVENT_TYPE', at: '/events/0' }]);
    const deleted = await write.delete(`/webhook-subscriptions/${id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const gone = await write.get(`/webhook-subscriptions/${id}`);
    expect(gone.status).toBe(404);
    expect(errorsOf(gone)).toEqual([{ code: 'HOOKLINE_SUBSCRIPTION_NOT_FOUND', at: '/id' }]);
  });

  it('rotates the secret: a new one, shown once', async () => {
    const { write } = await t.tenant();
    const created = (await write.post('/webhook-subscriptions', valid())).body.data;
    const rotated = await write.post(`/webhook-subscriptions/${created.id}/rotate-secret`, { grace_seconds: 60 });
    expect(rotated.status).toBe(200);
    expect(rotated.body.data.attributes.secret).toMatch(/^whsec_/);
    expect(rotated.body.data.attributes.secret).not.toBe(created.attributes.secret);
    expect((await write.post(`/webhook-subscriptions/${created.id}/rotate-secret`)).status).toBe(200);
    for (const grace of [-1, 'soon', 3_000_000]) {
      const bad = await write.post(`/webhook-subscriptions/${created.id}/rotate-secret`, { grace_seconds: grace });
      expect(bad.status).toBe(400);
      expect(errorsOf(bad)).toEqual([{ code: 'HOOKLINE_INVALID_FIELD', at: '/grace_seconds' }]);
    }
  });

  it("hides another tenant's subscription: reads and writes are 404 and change nothing", async () => {
    const owner = await t.tenant();
    const intruder = await t.tenant();
    const { id } = (await owner.write.post('/webhook-subscriptions', valid())).body.data;
    const attempts = [
      intruder.write.get(`/webhook-subscriptions/${id}`),
      intruder.write.patch(`/webhook-subscriptions/${id}`, { description: 'mine now' }),
      intruder.write.post(`/webhook-subscriptions/${id}/rotate-secret`, {}),
      intruder.write.post(`/webhook-subscriptions/${id}/test`),
      intruder.write.get(`/webhook-subscriptions/${id}/stats`),
      intruder.write.post(`/webhook-subscriptions/${id}/replay`, { status: 'failed' }),
      intruder.write.delete(`/webhook-subscriptions/${id}`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(errorsOf(response)).toEqual([{ code: 'HOOKLINE_SUBSCRIPTION_NOT_FOUND', at: '/id' }]);
      expect(response.text).not.toContain(receiver.url('/hook'));
    }
    expect((await intruder.write.get('/webhook-subscriptions')).body.data).toEqual([]);
    const intact = await owner.write.get(`/webhook-subscriptions/${id}`);
    expect(intact.body.data.attributes).toMatchObject({ description: 'Production points sync', is_active: true });
    expect(receiver.requests).toHaveLength(0);
  });

  it('walks a 600-row list with the cursor without gaps or repeats', async () => {
    const { tenant, write } = await t.tenant();
    const created: string[] = [];
    for (let i = 0; i < 600; i += 1) {
      created.push((await t.subscriptions.create({ tenant, url: receiver.url(`/p${i}`), events: ['*'] })).id);
    }
    for (const limit of [undefined, 7, 250]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query = [limit ? `limit=${limit}` : '', cursor ? `cursor=${cursor}` : ''].filter(Boolean).join('&');
        const page = await write.get(`/webhook-subscriptions${query ? `?${query}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.data.length).toBeLessThanOrEqual(limit ?? 50);
        seen.push(...page.body.data.map((s: { id: string }) => s.id));
        cursor = page.body.meta.next_cursor;
        pages += 1;
      } while (cursor);
      expect(seen).toEqual(created);
      expect(new Set(seen).size).toBe(600);
      expect(pages).toBe(Math.ceil(600 / (limit ?? 50)));
    }
  }, 120_000);

  it('answers 400 for a page size or cursor it cannot use', async () => {
    const { read } = await t.tenant();
    for (const [query, parameter] of [['limit=0', 'limit'], ['limit=251', 'limit'], ['limit=ten', 'limit'], ['cursor=nonsense', 'cursor'], ['sort=asc', 'sort']]) {
      const response = await read.get(`/webhook-subscriptions?${query}`);
      expect(response.status).toBe(400);
      expect(errorsOf(response)).toEqual([{ code: expect.any(String), at: parameter }]);
    }
  });
});
