import { createHash } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { setApiCaller, WebhookPortal } from '@hookline/nestjs';
import { TestClock } from '@hookline/engine/testing';
import { ALL_DRIVERS } from '../support/drivers';
import { errorsOf } from './support/api-client';
import { createApiTestApp, type ApiTestApp } from './support/api-test-app';

const DASHBOARD = 'https://api.example.com/v1/dashboard';

/** Every line the app logs, to show no session token is ever among them. */
class RecordingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (...values: unknown[]) => void this.lines.push(values.map(String).join(' '));
  error = this.log;
  warn = this.log;
  debug = this.log;
  verbose = this.log;
}

/** A host that authenticates its own callers (never Hookline's API keys): portal tokens must still work. */
@Injectable()
class HostOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    if (request.headers['x-host-user'] !== 'admin') return false;
    setApiCaller(request, { tenant: 'host-admin', scope: 'write' });
    return true;
  }
}

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('portal sessions on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  const clock = new TestClock();
  const logger = new RecordingLogger();
  let t: ApiTestApp;
  let hosted: ApiTestApp;
  let portal: WebhookPortal;

  beforeAll(async () => {
    await driver.setUp();
    t = await createApiTestApp(driver, { clock, worker: { enabled: false }, portal: { dashboardUrl: DASHBOARD } }, { logger });
    hosted = await createApiTestApp(driver, { clock, worker: { enabled: false }, api: { guard: HostOnlyGuard } });
    portal = t.app.get(WebhookPortal);
  });

  afterAll(async () => {
    await hosted?.close();
    await t?.close();
    await driver.tearDown();
  });

  /** A tenant with one subscription. */
  async function shop() {
    const { tenant, write, read } = await t.tenant();
    const subscription = await t.subscriptions.create({ tenant, url: `https://${tenant}.example.com/hooks`, events: ['points.earned'] });
    return { tenant, write, read, subscription };
  }

  it('opens a session: an hlp_ token shown once, stored as its hash only, and a dashboard URL carrying it in the fragment', async () => {
    const { tenant } = await shop();
    const session = await portal.createSession({ tenant, scope: 'read', ttlSeconds: 600 });
    expect(session.token).toMatch(/^hlp_[A-Za-z0-9_-]{43}$/);
    expect(session.url).toBe(`${DASHBOARD}#portal=${session.token}`);
    expect(session).toMatchObject({ tenant, scope: 'read', revokedAt: null });
    expect(session.expiresAt.getTime() - clock.now().getTime()).toBe(600_000);
    const rows: Record<string, unknown>[] = await t.dataSource.query(`SELECT * FROM webhook_api_key WHERE id = '${session.id}'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].key_hash).toBe(createHash('sha256').update(session.token).digest('hex'));
    expect(JSON.stringify(rows[0])).not.toContain(session.token);
    expect(session.token.slice(0, 12)).toBe(rows[0].key_prefix);
  });

  it("lets the token read its tenant's rows through the API and nothing of another tenant, however the request is edited", async () => {
    const mine = await shop();
    const theirs = await shop();
    const session = t.api.as((await portal.createSession({ tenant: mine.tenant, scope: 'read' })).token);
    const caller = await session.get('/caller');
    expect(caller.body.data.attributes).toEqual({ tenant: mine.tenant, scope: 'read', expires_at: expect.any(String) });
    const list = await session.get('/webhook-subscriptions');
    expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([mine.subscription.id]);
    expect((await session.get(`/webhook-subscriptions/${theirs.subscription.id}`)).status).toBe(404);
    expect((await session.get(`/webhook-subscriptions/${theirs.subscription.id}/stats`)).status).toBe(404);
    for (const edited of [`/webhook-subscriptions?tenant=${theirs.tenant}`, `/deliveries?tenant=${theirs.tenant}`]) {
      const response = await session.get(edited);
      expect([edited, response.status]).toEqual([edited, 400]);
    }
    // The 404s echo the id asked for; nothing of the other tenant's rows comes back.
    const everything = session.responses.map((r) => r.text).join('\n');
    expect(everything).not.toContain(theirs.tenant);
    expect(everything).not.toContain(theirs.subscription.url);
  });

  it('carries only the scope given: a read session cannot write; a write session can', async () => {
    const { tenant, subscription } = await shop();
    const read = t.api.as((await portal.createSession({ tenant, scope: 'read' })).token);
    const changed = await read.patch(`/webhook-subscriptions/${subscription.id}`, { description: 'from the portal' });
    expect([changed.status, errorsOf(changed)]).toEqual([403, [{ code: 'HOOKLINE_READ_ONLY_KEY' }]]);
    const write = t.api.as(`Bearer ${(await portal.createSession({ tenant, scope: 'write' })).token}`);
    expect((await write.patch(`/webhook-subscriptions/${subscription.id}`, { description: 'from the portal' })).status).toBe(200);
    expect((await t.subscriptions.get(subscription.id)).description).toBe('from the portal');
  });

  it('refuses the token once it has expired, with 401 and a message saying how to get a new one', async () => {
    const { tenant } = await shop();
    const session = t.api.as((await portal.createSession({ tenant, scope: 'read', ttlSeconds: 60 })).token);
    clock.advance(59_999);
    expect((await session.get('/webhook-subscriptions')).status).toBe(200);
    clock.advance(1);
    const refused = await session.get('/webhook-subscriptions');
    expect([refused.status, errorsOf(refused)]).toEqual([401, [{ code: 'HOOKLINE_UNAUTHENTICATED' }]]);
    expect(refused.body.errors[0].detail).toMatch(/expired or been revoked.*new one/);
  });

  it("revokes a session at once, and only the tenant's own sessions, never an API key", async () => {
    const { tenant } = await shop();
    const other = await shop();
    const created = await portal.createSession({ tenant, scope: 'write' });
    await expect(portal.revokeSession(created.id, { tenant: other.tenant })).rejects.toMatchObject({ code: 'HOOKLINE_PORTAL_SESSION_NOT_FOUND' });
    const apiKey = await t.apiKeys.create({ tenant, scope: 'write' });
    await expect(portal.revokeSession(apiKey.id, { tenant })).rejects.toMatchObject({ code: 'HOOKLINE_PORTAL_SESSION_NOT_FOUND' });
    expect((await t.api.as(created.token).get('/caller')).status).toBe(200);
    const revoked = await portal.revokeSession(created.id, { tenant });
    expect(revoked.revokedAt).toEqual(clock.now());
    expect((await t.api.as(created.token).get('/caller')).status).toBe(401);
    expect((await t.api.as(apiKey.key).get('/caller')).status).toBe(200);
  });

  it.each([
    ['an empty tenant', { tenant: '', scope: 'read' }, '/tenant'],
    ['no tenant', { scope: 'read' }, '/tenant'],
    ['an unknown scope', { tenant: 'shop', scope: 'admin' }, '/scope'],
    ['a ttl below a minute', { tenant: 'shop', scope: 'read', ttlSeconds: 59 }, '/ttlSeconds'],
    ['a ttl above a day', { tenant: 'shop', scope: 'read', ttlSeconds: 86_401 }, '/ttlSeconds'],
    ['a fractional ttl', { tenant: 'shop', scope: 'read', ttlSeconds: 90.5 }, '/ttlSeconds'],
    ['a relative dashboard URL', { tenant: 'shop', scope: 'read', dashboardUrl: '/v1/dashboard' }, '/dashboardUrl'],
    ['a dashboard URL with a fragment', { tenant: 'shop', scope: 'read', dashboardUrl: `${DASHBOARD}#x` }, '/dashboardUrl'],
    ['a javascript: URL', { tenant: 'shop', scope: 'read', dashboardUrl: 'javascript:alert(1)' }, '/dashboardUrl'],
  ])('refuses %s with HOOKLINE_INVALID_PORTAL_SESSION', async (_case, input, pointer) => {
    await expect(portal.createSession(input as never)).rejects.toMatchObject({ code: 'HOOKLINE_INVALID_PORTAL_SESSION', pointer });
  });

  it('needs a dashboard URL, from the options or the call', async () => {
    const hostPortal = hosted.app.get(WebhookPortal);
    await expect(hostPortal.createSession({ tenant: 'shop', scope: 'read' })).rejects.toMatchObject({ code: 'HOOKLINE_INVALID_PORTAL_SESSION', pointer: '/dashboardUrl' });
    const session = await hostPortal.createSession({ tenant: 'shop', scope: 'read', dashboardUrl: 'https://other.example.com/hooks' });
    expect(session.url).toBe(`https://other.example.com/hooks#portal=${session.token}`);
  });

  it("works beside a host's own api.guard, which never sees the token", async () => {
    const session = await hosted.app.get(WebhookPortal).createSession({ tenant: 'shop-hosted', scope: 'read', dashboardUrl: DASHBOARD });
    expect((await hosted.api.as(session.token).get('/caller')).body.data.attributes).toMatchObject({ tenant: 'shop-hosted', scope: 'read' });
    expect((await hosted.api.withHeaders({ 'x-host-user': 'admin' }).get('/caller')).body.data.attributes).toMatchObject({ tenant: 'host-admin' });
    clock.advance(PORTAL_DEFAULT_TTL_MS);
    expect((await hosted.api.as(session.token).get('/caller')).status).toBe(401);
  });

  describe('REST: POST and DELETE /v1/portal-sessions', () => {
    it("opens a session of the write key's tenant, once, uncached; the token works and then can be revoked", async () => {
      const { tenant, write, subscription } = await shop();
      const created = await write.post('/portal-sessions', { scope: 'read', ttl_seconds: 300 });
      expect(created.status).toBe(201);
      expect(created.headers['cache-control']).toBe('no-store');
      const { id, attributes } = created.body.data;
      expect(created.body.data.type).toBe('portal_session');
      expect(attributes).toEqual({
        tenant,
        scope: 'read',
        token: expect.stringMatching(/^hlp_/),
        url: `${DASHBOARD}#portal=${attributes.token}`,
        expires_at: new Date(clock.now().getTime() + 300_000).toISOString(),
        revoked_at: null,
        created_at: clock.now().toISOString(),
      });
      const session = t.api.as(attributes.token);
      expect((await session.get('/webhook-subscriptions')).body.data.map((s: { id: string }) => s.id)).toEqual([subscription.id]);
      expect((await write.delete(`/portal-sessions/${id}`)).status).toBe(204);
      expect((await session.get('/webhook-subscriptions')).status).toBe(401);
      expect((await write.delete(`/portal-sessions/${id}`)).status).toBe(204);
    });

    it('answers a precise 4xx to bad input, read keys, other tenants and sessions themselves', async () => {
      const { write, read, tenant } = await shop();
      const other = await shop();
      const cases: [string, Promise<import('supertest').Response>, number, { code: string; at?: string }[]][] = [
        ['no scope', write.post('/portal-sessions', {}), 400, [{ code: 'HOOKLINE_INVALID_FIELD', at: '/scope' }]],
        ['unknown scope', write.post('/portal-sessions', { scope: 'admin' }), 400, [{ code: 'HOOKLINE_INVALID_FIELD', at: '/scope' }]],
        ['ttl too short', write.post('/portal-sessions', { scope: 'read', ttl_seconds: 10 }), 400, [{ code: 'HOOKLINE_INVALID_FIELD', at: '/ttl_seconds' }]],
        ['bad dashboard url', write.post('/portal-sessions', { scope: 'read', dashboard_url: 'ftp://x' }), 400, [{ code: 'HOOKLINE_INVALID_PORTAL_SESSION', at: '/dashboardUrl' }]],
        ['a read key', read.post('/portal-sessions', { scope: 'read' }), 403, [{ code: 'HOOKLINE_READ_ONLY_KEY' }]],
      ];
      for (const [name, response, status, errors] of cases) {
        const answer = await response;
        expect([name, answer.status, errorsOf(answer)]).toEqual([name, status, errors]);
      }
      const theirs = (await other.write.post('/portal-sessions', { scope: 'read' })).body.data;
      expect((await write.delete(`/portal-sessions/${theirs.id}`)).status).toBe(404);
      expect((await t.api.as(theirs.attributes.token).get('/caller')).status).toBe(200);
      const session = t.api.as((await portal.createSession({ tenant, scope: 'write' })).token);
      for (const answer of [await session.post('/portal-sessions', { scope: 'write', ttl_seconds: 86_400 }), await session.delete(`/portal-sessions/${theirs.id}`)]) {
        expect([answer.status, errorsOf(answer)]).toEqual([403, [{ code: 'HOOKLINE_PORTAL_SESSION_FORBIDDEN' }]]);
      }
    });
  });

  it('never logs a token', async () => {
    const tokens = t.api.responses.map((r) => /hlp_[A-Za-z0-9_-]{43}/.exec(r.text)?.[0]).filter(Boolean);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(logger.lines.join('\n')).not.toContain(token);
  });
});

const PORTAL_DEFAULT_TTL_MS = 900_000;
