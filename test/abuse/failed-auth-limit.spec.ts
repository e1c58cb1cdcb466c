import { sqliteInProcess } from '../support/drivers';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';

const badKey = (i: number): string => `hlk_${String(i).padStart(43, 'A')}`;

describe('failed authentications are limited per client address', () => {
  let t: ApiTestApp;
  let quick: ApiTestApp;

  beforeAll(async () => {
    // The module's defaults: 10 failures per minute per address.
    t = await createApiTestApp(sqliteInProcess(), { api: { rateLimit: {} }, worker: { enabled: false } });
    quick = await createApiTestApp(sqliteInProcess(), { api: { rateLimit: { failedAuth: { limit: 3, ttlMs: 1_000 } } }, worker: { enabled: false } });
  });

  afterAll(async () => {
    await quick?.close();
    await t?.close();
  });

  it('answers 60 parallel bad keys with 10 × 401, then 429 with Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => t.api.as(badKey(i)).get('/event-types')));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(50);
    const limited = answers.find((answer) => answer.status === 429)!;
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body.errors).toEqual([expect.objectContaining({ status: '429', code: 'HOOKLINE_RATE_LIMITED', detail: expect.stringMatching(/failed authentications.*Check the API key/) })]);
    // A missing key is a failure too.
    expect((await t.api.get('/event-types')).status).toBe(429);
  });

  it('never limits a valid key for its address’s failures', async () => {
    const { key } = await t.apiKeys.create({ tenant: 'shop-valid', scope: 'read' });
    expect((await t.api.as(key).get('/event-types')).status).toBe(200);
  });

  it('forgets the failures once the window has passed', async () => {
    const statuses = async (n: number) => (await Promise.all(Array.from({ length: n }, (_, i) => quick.api.as(badKey(i)).get('/caller')))).map((r) => r.status).sort();
    expect(await statuses(5)).toEqual([401, 401, 401, 429, 429]);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await statuses(1))[0]).toBe(401);
  });
});
