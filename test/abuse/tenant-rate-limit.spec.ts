import { sqliteInProcess } from '../support/drivers';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';

describe('a tenant’s keys share one rate limit', () => {
  let t: ApiTestApp;

  beforeAll(async () => {
    // The module's defaults: 6 requests a second per key, 20 per tenant.
    t = await createApiTestApp(sqliteInProcess(), { api: { rateLimit: {} }, worker: { enabled: false } });
  });

  afterAll(() => t?.close());

  const keysOf = async (tenant: string, count: number) =>
    Promise.all(Array.from({ length: count }, async () => t.api.as((await t.apiKeys.create({ tenant, scope: 'read' })).key)));

  it('answers 429 with Retry-After once four keys of one tenant make 24 requests in a second', async () => {
    const clients = await keysOf('shop-many-keys', 4);
    const answers = await Promise.all(clients.flatMap((client) => Array.from({ length: 6 }, () => client.get('/event-types'))));
    const limited = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(20);
    expect(limited).toHaveLength(4);
    expect(Number(limited[0].headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited[0].headers['retry-after-tenant']).toBeUndefined();
    expect(limited[0].body.errors).toEqual([expect.objectContaining({ code: 'HOOKLINE_RATE_LIMITED', detail: expect.stringMatching(/at most 20 requests per 1000 ms for all of this tenant's API keys/) })]);

    const [other] = await keysOf('shop-elsewhere', 1);
    expect((await other.get('/event-types')).status).toBe(200);
  });
});
