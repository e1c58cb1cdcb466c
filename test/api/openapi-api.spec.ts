import request from 'supertest';
import { ALL_DRIVERS } from '../support/drivers';
import { errorsOf } from './support/api-client';
import { createApiTestApp, type ApiTestApp } from './support/api-test-app';
import { validateOpenApi } from './support/openapi-schemas';

const ENDPOINTS: [string, string][] = [
  ['post', '/v1/webhook-subscriptions'],
  ['get', '/v1/webhook-subscriptions'],
  ['get', '/v1/webhook-subscriptions/{id}'],
  ['patch', '/v1/webhook-subscriptions/{id}'],
  ['delete', '/v1/webhook-subscriptions/{id}'],
  ['post', '/v1/webhook-subscriptions/{id}/rotate-secret'],
  ['post', '/v1/webhook-subscriptions/{id}/test'],
  ['get', '/v1/webhook-subscriptions/{id}/stats'],
  ['post', '/v1/webhook-subscriptions/{id}/replay'],
  ['get', '/v1/deliveries'],
  ['get', '/v1/deliveries/{id}'],
  ['post', '/v1/deliveries/{id}/resend'],
  ['get', '/v1/messages/{id}'],
  ['get', '/v1/event-types'],
  ['get', '/v1/event-types/{name}'],
  ['get', '/v1/caller'],
  ['post', '/v1/portal-sessions'],
  ['delete', '/v1/portal-sessions/{id}'],
];

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('OpenAPI document and docs UI on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  let t: ApiTestApp;
  /** The app mounted under a global prefix, to check every path follows it. */
  let prefixed: ApiTestApp;

  beforeAll(async () => {
    await driver.setUp();
    t = await createApiTestApp(driver, { worker: { enabled: false } });
    prefixed = await createApiTestApp(driver, { worker: { enabled: false } }, { globalPrefix: 'api' });
  });

  afterAll(async () => {
    await prefixed?.close();
    await t?.close();
    await driver.tearDown();
  });

  it('documents every endpoint, its body, its answers and its errors at /v1/openapi.json', async () => {
    const response = await request(t.app.getHttpServer()).get('/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.info.title).toBe('Hookline webhooks API');
    expect(document.components.securitySchemes.api_key).toEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'Authorization' }));
    const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => [method, path]),
    );
    expect(operations.sort()).toEqual([...ENDPOINTS].sort());
    for (const [method, path] of ENDPOINTS) {
      const operation = document.paths[path][method];
      expect([path, method, operation.summary]).toEqual([path, method, expect.any(String)]);
      expect(operation.security).toEqual([{ api_key: [] }]);
      const success = Object.keys(operation.responses).filter((status) => status.startsWith('2'));
      expect([path, method, success.length]).toEqual([path, method, 1]);
      for (const status of ['401', '429', '500', ...(method === 'get' ? [] : ['403'])]) {
        expect([path, method, status, operation.responses[status]?.content?.['application/json']?.schema]).toEqual([
          path, method, status, { $ref: '#/components/schemas/ApiErrorDocumentSchema' },
        ]);
      }
    }
    expect(document.paths['/v1/webhook-subscriptions'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CreateSubscriptionDto',
    });
    expect(document.components.schemas.CreateSubscriptionDto.required).toEqual(['url', 'events']);
    expect(document.components.schemas.SubscriptionAttributesSchema.properties.secret.description).toMatch(/only/i);
    expect(document.paths['/v1/deliveries'].get.parameters.map((p: any) => p.name).sort()).toEqual(
      ['cursor', 'event_type', 'limit', 'since', 'status', 'subscription_id', 'until'],
    );
    expect(document.paths['/v1/webhook-subscriptions'].post.responses['400']).toBeDefined();
    expect(document.paths['/v1/webhook-subscriptions'].post.responses['413']).toBeDefined();
    expect(document.paths['/v1/webhook-subscriptions/{id}'].get.responses['404']).toBeDefined();
    expect(document.paths['/v1/deliveries/{id}/resend'].post.responses['409']).toBeDefined();
    expect(document.paths['/v1/event-types/{name}'].get.responses['404']).toBeDefined();
  });

  it('is valid OpenAPI 3.1, with a webhook for every event type of the catalog', async () => {
    const document = (await request(t.app.getHttpServer()).get('/v1/openapi.json')).body;
    expect(document.openapi).toBe('3.1.0');
    expect(await validateOpenApi(document)).toEqual({ valid: true });
    const types = t.runtime.options.catalog.list().map((definition) => definition.name);
    expect(Object.keys(document.webhooks)).toEqual(types);
    const earned = document.webhooks['points.earned'].post;
    expect(earned.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PointsEarnedWebhook' });
    expect(document.components.schemas.PointsEarnedWebhook.properties.data).toEqual({ $ref: '#/components/schemas/PointsEarnedData' });
    expect(document.components.schemas.PointsEarnedData).toEqual(t.runtime.options.catalog.get('points.earned')!.schema);
    expect(earned.requestBody.content['application/json'].example.data).toEqual(t.runtime.options.catalog.get('points.earned')!.example);
    expect(Object.keys(earned.responses).sort()).toEqual(['2XX', '410', 'default']);
    // OAS 3.0's `nullable` has no meaning in 3.1; null is a type there.
    expect(document.components.schemas.EventTypeAttributesSchema.properties.group.type).toEqual(['string', 'null']);
    expect(JSON.stringify(document)).not.toContain('"nullable"');
  });

  it('serves the Swagger UI at /v1/docs without a key', async () => {
    const http = request(t.app.getHttpServer());
    const page = await http.get('/v1/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('/v1/docs/swagger-ui-bundle.js');
    const init = await http.get('/v1/docs/swagger-ui-init.js');
    expect(init.text).toContain('"/v1/openapi.json"');
    const bundle = await http.get('/v1/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
    expect((await http.get('/v1/docs/package.json')).status).toBe(404);
  });

  it("follows the app's global prefix, for routes, the document and body-parser errors", async () => {
    const http = request(prefixed.app.getHttpServer());
    const document = (await http.get('/api/v1/openapi.json')).body;
    expect(Object.keys(document.paths)).toContain('/api/v1/webhook-subscriptions/{id}');
    expect((await http.get('/api/v1/docs/swagger-ui-init.js')).text).toContain('"/api/v1/openapi.json"');
    const { key } = await prefixed.apiKeys.create({ tenant: 'shop-prefixed', scope: 'write' });
    const { write } = { write: prefixed.api.as(key) };
    expect(write.prefix).toBe('/api/v1');
    expect((await write.get('/webhook-subscriptions')).status).toBe(200);
    const broken = await write.raw('post', '/webhook-subscriptions', '{');
    expect(broken.status).toBe(400);
    expect(errorsOf(broken)).toEqual([{ code: 'HOOKLINE_INVALID_JSON', at: '' }]);
  });
});
