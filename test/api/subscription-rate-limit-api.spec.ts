import request from 'supertest';
import { ALL_DRIVERS } from '../support/drivers';
import { eventually, TestReceiver } from '../support/receiver';
import { errorsOf, type ApiClient } from './support/api-client';
import { createApiTestApp, type ApiTestApp } from './support/api-test-app';
import { schemasOf } from './support/openapi-schemas';

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('rate_limit on the REST API on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  const receiver = new TestReceiver();
  let t: ApiTestApp;

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    t = await createApiTestApp(driver);
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await driver.tearDown();
  });

  const create = (write: ApiClient, body: object = {}) => write.post('/webhook-subscriptions', { url: receiver.url('/rated'), events: ['*'], ...body });

  it('takes rate_limit on create, shows it in every answer, replaces it on PATCH and removes it with null', async () => {
    const { write, read } = await t.tenant();
    const created = await create(write, { rate_limit: { per_second: 20, per_minute: 600 } });
    expect(created.status).toBe(201);
    expect(created.body.data.attributes.rate_limit).toEqual({ per_second: 20, per_minute: 600 });
    const id = created.body.data.id;
    expect((await read.get(`/webhook-subscriptions/${id}`)).body.data.attributes.rate_limit).toEqual({ per_second: 20, per_minute: 600 });
    expect((await read.get('/webhook-subscriptions')).body.data[0].attributes.rate_limit).toEqual({ per_second: 20, per_minute: 600 });
    expect((await write.patch(`/webhook-subscriptions/${id}`, { rate_limit: { per_minute: 30 } })).body.data.attributes.rate_limit).toEqual({ per_minute: 30 });
    expect((await write.patch(`/webhook-subscriptions/${id}`, { description: 'kept' })).body.data.attributes.rate_limit).toEqual({ per_minute: 30 });
    expect((await write.patch(`/webhook-subscriptions/${id}`, { rate_limit: null })).body.data.attributes.rate_limit).toBeNull();
    expect((await create(write)).body.data.attributes.rate_limit).toBeNull();

    const document = (await request(t.app.getHttpServer()).get('/v1/openapi.json')).body;
    const fetched = await read.get(`/webhook-subscriptions/${id}`);
    const validate = schemasOf(document)('#/components/schemas/SubscriptionDocumentSchema');
    expect([validate(created.body), validate.errors ?? null]).toEqual([true, null]);
    expect([validate(fetched.body), validate.errors ?? null]).toEqual([true, null]);
    expect(Object.keys(document.components.schemas.CreateSubscriptionDto.properties.rate_limit.properties)).toEqual(['per_second', 'per_minute']);
  });

  it.each([
    [{ per_second: 0 }, '/rate_limit/per_second'],
    [{ per_second: 1.5 }, '/rate_limit/per_second'],
    [{ per_second: '20' }, '/rate_limit/per_second'],
    [{ per_second: 10_001 }, '/rate_limit/per_second'],
    [{ per_minute: -1 }, '/rate_limit/per_minute'],
    [{ per_hour: 100 }, '/rate_limit/per_hour'],
    [{ perSecond: 5 }, '/rate_limit/perSecond'],
    [{}, '/rate_limit'],
    [20, '/rate_limit'],
    [[20], '/rate_limit'],
  ])('answers 400 HOOKLINE_INVALID_RATE_LIMIT for rate_limit %j at %s, on create and on PATCH, and stores nothing', async (rateLimit, pointer) => {
    const { write, read } = await t.tenant();
    const refused = await create(write, { rate_limit: rateLimit });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toEqual([{ code: 'HOOKLINE_INVALID_RATE_LIMIT', at: pointer }]);
    expect((await read.get('/webhook-subscriptions')).body.data).toEqual([]);
    const id = (await create(write, { rate_limit: { per_second: 3 } })).body.data.id;
    const patched = await write.patch(`/webhook-subscriptions/${id}`, { rate_limit: rateLimit });
    expect([patched.status, errorsOf(patched)]).toEqual([400, [{ code: 'HOOKLINE_INVALID_RATE_LIMIT', at: pointer }]]);
    expect((await read.get(`/webhook-subscriptions/${id}`)).body.data.attributes.rate_limit).toEqual({ per_second: 3 });
  });

  it('lists a bad rate_limit beside the other bad fields in one 400', async () => {
    const { write } = await t.tenant();
    const refused = await write.post('/webhook-subscriptions', { url: receiver.url('/rated'), events: ['no.such.event'], rate_limit: { per_second: 0 } });
    expect(errorsOf(refused).map((e) => e.at).sort()).toEqual(['/events/0', '/rate_limit/per_second']);
  });

  it('shows rate_limited_until in the stats while the limit holds deliveries back, null once none waits', async () => {
    const { tenant, write, read } = await t.tenant();
    const id = (await create(write, { events: ['points.earned'], rate_limit: { per_second: 5 } })).body.data.id;
    await t.publisher.publishMany(Array.from({ length: 20 }, (_, i) => ({ type: 'points.earned', data: { customer_id: `c${i}`, amount: i }, tenant })));
    let held: string | null = null;
    let askedAt = 0;
    await eventually(async () => {
      askedAt = Date.now();
      held = (await read.get(`/webhook-subscriptions/${id}/stats`)).body.data.attributes.rate_limited_until;
      return held !== null;
    }, 10_000);
    // Ahead of when it was asked (on a loaded machine the answer itself can take a while).
    expect(Date.parse(held!)).toBeGreaterThan(askedAt);
    const stats = await read.get(`/webhook-subscriptions/${id}/stats`);
    const document = (await request(t.app.getHttpServer()).get('/v1/openapi.json')).body;
    const validate = schemasOf(document)('#/components/schemas/StatsDocumentSchema');
    expect([validate(stats.body), validate.errors ?? null]).toEqual([true, null]);
    await eventually(async () => (await read.get(`/webhook-subscriptions/${id}/stats`)).body.data.attributes.rate_limited_until === null, 15_000);
    // The last token's time has passed; its delivery may still be on the wire on a loaded machine.
    await eventually(() => receiver.requests.filter((r) => r.path === '/rated').length >= 20, 5_000);
    expect(receiver.requests.filter((r) => r.path === '/rated')).toHaveLength(20);
  });
});
