import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { setApiCaller, type ApiKeyScope } from '@hookline/nestjs';
import { ALL_DRIVERS, type TestDriver } from '../support/drivers';
import { TestReceiver } from '../support/receiver';
import { errorsOf } from './support/api-client';
import { createApiTestApp, type ApiTestApp } from './support/api-test-app';

const CLI = join(__dirname, '..', '..', 'packages', 'engine', 'dist', 'api-keys', 'cli.js');
const run = promisify(execFile);

/** A host's own authentication: here, trusted headers set by a gateway. */
@Injectable()
class GatewayHeadersGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    const tenant = request.headers['x-gateway-tenant'];
    if (!tenant) return false;
    setApiCaller(request, { tenant, scope: (request.headers['x-gateway-scope'] ?? 'read') as ApiKeyScope, id: `gateway:${tenant}` });
    return true;
  }
}

/** The driver's database as the CLI reaches it through DATABASE_URL / DATABASE_SCHEMA. */
function cliEnvironment(driver: TestDriver, sqliteFile: string): NodeJS.ProcessEnv {
  const database = driver.database() as { type: string; url?: string; schema?: string };
  return database.url
    ? { ...process.env, DATABASE_URL: database.url, DATABASE_SCHEMA: database.schema }
    : { ...process.env, DATABASE_URL: sqliteFile };
}

/** The same driver, but SQLite on a file the CLI process can open too. */
function sharedDriver(driver: TestDriver, sqliteFile: string): TestDriver {
  const database = driver.database();
  return database.type === 'better-sqlite3' ? { ...driver, database: () => ({ ...database, database: sqliteFile }) as typeof database } : driver;
}

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('API authentication on %s', (_name, makeDriver) => {
  const directory = mkdtempSync(join(tmpdir(), 'hookline-api-'));
  const sqliteFile = join(directory, 'hookline.db');
  const driver = sharedDriver(makeDriver(), sqliteFile);
  const receiver = new TestReceiver();
  let t: ApiTestApp;
  /** The default rate limit (6 requests/second per key, seed 001). */
  let limited: ApiTestApp;
  let gateway: ApiTestApp;

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    t = await createApiTestApp(driver);
    limited = await createApiTestApp(driver, { api: { rateLimit: {} }, worker: { enabled: false } });
    gateway = await createApiTestApp(driver, { api: { guard: GatewayHeadersGuard, prefix: 'partner/v1' }, worker: { enabled: false } });
  });

  afterAll(async () => {
    await gateway?.close();
    await limited?.close();
    await t?.close();
    await receiver.stop();
    await driver.tearDown();
    rmSync(directory, { recursive: true, force: true });
  });

  const subscription = () => ({ url: receiver.url('/auth'), events: ['points.earned'] });

  it('accepts the key as "Authorization: <key>" and as "Authorization: Bearer <key>"', async () => {
    const { key } = await t.apiKeys.create({ tenant: 'shop-auth', scope: 'read' });
    expect((await t.api.as(key).get('/webhook-subscriptions')).status).toBe(200);
    expect((await t.api.as(`Bearer ${key}`).get('/webhook-subscriptions')).status).toBe(200);
    expect((await t.api.as(`bearer   ${key}`).get('/webhook-subscriptions')).status).toBe(200);
  });

  it.each([
    ['no Authorization header', undefined],
    ['an unknown key', `hlk_${'A'.repeat(43)}`],
    ['something that is not a key', 'letmein'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('answers 401 for %s', async (_case, header) => {
    const response = await t.api.as(header).get('/webhook-subscriptions');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      errors: [{ status: '401', code: 'HOOKLINE_UNAUTHENTICATED', title: 'Unauthorized', detail: expect.any(String) }],
    });
  });

  it('answers 401 once a key is revoked, at once', async () => {
    const { id, key } = await t.apiKeys.create({ tenant: 'shop-revoked', scope: 'write' });
    expect((await t.api.as(key).get('/webhook-subscriptions')).status).toBe(200);
    await t.apiKeys.revoke(id);
    expect((await t.api.as(key).get('/webhook-subscriptions')).status).toBe(401);
    expect((await t.api.as(key).post('/webhook-subscriptions', subscription())).status).toBe(401);
  });

  it('lets a read key read and answers 403 to every write it tries', async () => {
    const { tenant, read, write } = await t.tenant();
    const { id } = (await write.post('/webhook-subscriptions', subscription())).body.data;
    const sub = await t.subscriptions.get(id);
    const published = await t.publisher.publish('points.earned', { customer_id: 'c1', amount: 5 }, { tenant });
    expect(published.deliveryCount).toBe(1);
    const [delivery] = (await t.deliveries.list({ tenant })).data;
    for (const path of [`/webhook-subscriptions`, `/webhook-subscriptions/${id}`, `/webhook-subscriptions/${id}/stats`, '/deliveries', `/deliveries/${delivery.id}`, `/messages/${published.messageId}`, '/event-types']) {
      expect([path, (await read.get(path)).status]).toEqual([path, 200]);
    }
    const writes = [
      read.post('/webhook-subscriptions', subscription()),
      read.patch(`/webhook-subscriptions/${id}`, { description: 'x' }),
      read.delete(`/webhook-subscriptions/${id}`),
      read.post(`/webhook-subscriptions/${id}/rotate-secret`, {}),
      read.post(`/webhook-subscriptions/${id}/test`),
      read.post(`/webhook-subscriptions/${id}/replay`, { status: 'failed' }),
      read.post(`/deliveries/${delivery.id}/resend`),
    ];
    expect((await read.get('/caller')).body.data).toEqual({ type: 'api_caller', id: expect.any(String), attributes: { tenant, scope: 'read', expires_at: null } });
    expect((await write.get('/caller')).body.data.attributes).toEqual({ tenant, scope: 'write', expires_at: null });
    for (const response of await Promise.all(writes)) {
      expect(response.status).toBe(403);
      expect(errorsOf(response)).toEqual([{ code: 'HOOKLINE_READ_ONLY_KEY' }]);
    }
    expect(await t.subscriptions.get(id)).toEqual(sub);
  });

  it('answers 429 with Retry-After above 6 requests per second per key, and counts each key apart', async () => {
    const first = limited.api.as((await limited.apiKeys.create({ tenant: 'shop-busy', scope: 'read' })).key);
    const second = limited.api.as((await limited.apiKeys.create({ tenant: 'shop-busy', scope: 'read' })).key);
    const statuses: number[] = [];
    let rejected;
    for (let i = 0; i < 8; i += 1) {
      const response = await first.get(i % 2 ? '/event-types' : '/webhook-subscriptions');
      statuses.push(response.status);
      if (response.status === 429) rejected = response;
    }
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    expect(Number(rejected!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(errorsOf(rejected!)).toEqual([{ code: 'HOOKLINE_RATE_LIMITED' }]);
    expect((await second.get('/webhook-subscriptions')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Number(rejected!.headers['retry-after']) * 1000 + 100));
    expect((await first.get('/webhook-subscriptions')).status).toBe(200);
  });

  it("lets a host replace API keys with its own guard that names the tenant", async () => {
    const api = gateway.api;
    expect(api.prefix).toBe('/partner/v1');
    expect((await api.get('/webhook-subscriptions')).status).toBe(401);
    const writer = { 'x-gateway-tenant': 'shop-gw', 'x-gateway-scope': 'write' };
    const created = await api.withHeaders(writer).post('/webhook-subscriptions', subscription());
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect((await gateway.subscriptions.get(id)).tenant).toBe('shop-gw');
    expect((await api.withHeaders({ 'x-gateway-tenant': 'shop-gw' }).get(`/webhook-subscriptions/${id}`)).status).toBe(200);
    const readOnly = await api.withHeaders({ 'x-gateway-tenant': 'shop-gw' }).delete(`/webhook-subscriptions/${id}`);
    expect(readOnly.status).toBe(403);
    expect((await api.withHeaders({ 'x-gateway-tenant': 'shop-other' }).get(`/webhook-subscriptions/${id}`)).status).toBe(404);
    const { key } = await gateway.apiKeys.create({ tenant: 'shop-gw', scope: 'write' });
    expect((await api.as(key).get('/webhook-subscriptions')).status).toBe(401);
  });

  it('creates, lists and revokes keys with the CLI; a CLI key authenticates', async () => {
    const env = cliEnvironment(driver, sqliteFile);
    const created = await run(process.execPath, [CLI, 'create', '--tenant', 'shop-cli', '--scope', 'write', '--name', 'CI'], { env });
    const key = JSON.parse(created.stdout);
    expect(key).toMatchObject({ id: expect.stringMatching(/^key_/), key: expect.stringMatching(/^hlk_/), tenant: 'shop-cli', scope: 'write', name: 'CI' });
    expect(created.stderr).toMatch(/shown only this once/);
    const made = await t.api.as(`Bearer ${key.key}`).post('/webhook-subscriptions', subscription());
    expect(made.status).toBe(201);
    expect((await t.subscriptions.get(made.body.data.id)).tenant).toBe('shop-cli');

    const listed = JSON.parse((await run(process.execPath, [CLI, 'list', '--tenant', 'shop-cli'], { env })).stdout);
    expect(listed).toEqual([expect.objectContaining({ id: key.id, keyPrefix: key.key.slice(0, 12), revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(key.key);

    await run(process.execPath, [CLI, 'revoke', key.id], { env });
    expect((await t.api.as(key.key).get('/webhook-subscriptions')).status).toBe(401);

    await expect(run(process.execPath, [CLI, 'create', '--tenant', 'shop-cli'], { env })).rejects.toMatchObject({ code: 2 });
    await expect(run(process.execPath, [CLI, 'create', '--tenant', 'shop-cli', '--scope', 'admin'], { env })).rejects.toMatchObject({ code: 1 });
  });
});
