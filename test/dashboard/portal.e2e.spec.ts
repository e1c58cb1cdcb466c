import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookPortal, type SubscriptionView } from '@hookline/nestjs';
import { TestClock } from '@hookline/engine/testing';
import { sqliteInProcess } from '../support/drivers';
import { eventually } from '../support/receiver';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';
import { openBrowser, type TestBrowser } from './support/browser';

/** A host's settings page on an origin of its own, framing whatever portal URL the test sets. */
class HostPage {
  frameUrl = 'about:blank';
  private readonly server: Server = createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(`<!DOCTYPE html><title>Shop settings</title><h1>Webhooks</h1><iframe id="portal" title="Webhooks" src="${this.frameUrl.replace(/"/g, '&quot;')}" width="1240" height="800"></iframe>`);
  });
  origin = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Portal sessions in a real Chromium: a host opens one for its customer and shows the dashboard
 * signed in with it, confined to that tenant and scope, until it expires or is revoked. Time is
 * the app's TestClock, so expiry takes no waiting.
 */
describe('portal sessions in a browser', () => {
  const clock = new TestClock();
  const allowedHost = new HostPage();
  const otherHost = new HostPage();
  let t: ApiTestApp;
  let portal: WebhookPortal;
  let browser: TestBrowser;
  let origin: string;
  let dashboardUrl: string;
  let mine: { tenant: string; subscription: SubscriptionView };
  let theirs: { tenant: string; subscription: SubscriptionView };
  const requested: { url: string; referer?: string }[] = [];

  async function shop(description: string) {
    const tenant = `shop-${Math.random().toString(36).slice(2, 10)}`;
    const subscription = await t.subscriptions.create({ tenant, url: `https://${tenant}.example.com/hooks`, events: ['points.earned'], description });
    return { tenant, subscription };
  }

  const storedToken = () => browser.page.evaluate<string | null>(`sessionStorage.getItem('hookline.apiKey')`);
  const open = (scope: 'read' | 'write', ttlSeconds?: number) => portal.createSession({ tenant: mine.tenant, scope, ttlSeconds, dashboardUrl });

  beforeAll(async () => {
    await allowedHost.start();
    await otherHost.start();
    t = await createApiTestApp(sqliteInProcess(), { clock, worker: { enabled: false }, dashboard: { frameAncestors: [allowedHost.origin] } });
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    dashboardUrl = `${origin}/v1/dashboard`;
    portal = t.app.get(WebhookPortal);
    mine = await shop('Loyalty CRM sync');
    theirs = await shop('Another shop entirely');
    browser = await openBrowser([origin, allowedHost.origin, otherHost.origin]);
    browser.page.on('request', (request) => requested.push({ url: request.url(), referer: request.headers().referer }));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await allowedHost.stop();
    await otherHost.stop();
  });

  afterEach(() => {
    expect(browser.problems).toEqual([]);
  });

  it("opens the dashboard signed in with the session, showing its tenant's subscriptions and no way to sign out", async () => {
    const { page } = browser;
    const session = await open('read');
    await page.goto(session.url);
    await page.locator('.caller .tenant', { hasText: mine.tenant }).waitFor();
    await page.locator(`tr[data-subscription-id="${mine.subscription.id}"]`).waitFor();
    expect(await page.locator('tr[data-subscription-id]').count()).toBe(1);
    expect(await page.locator('.caller').textContent()).toContain('read-only');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(page.url()).toBe(`${dashboardUrl}#/subscriptions`);
    expect(await page.content()).not.toContain(theirs.tenant);
    // The token never left the page but as the Authorization header: not in a URL the server saw, nor in a Referer.
    expect(requested.filter((r) => r.url.includes('hlp_') || r.referer?.includes('hlp_'))).toEqual([]);
    await browser.screenshot('portal-01-session');
  });

  it('hides every write action of a read session', async () => {
    const { page } = browser;
    expect(await page.getByRole('button', { name: 'New subscription' }).count()).toBe(0);
    await page.locator(`tr[data-subscription-id="${mine.subscription.id}"] a`).click();
    await page.getByRole('heading', { name: 'Loyalty CRM sync' }).waitFor();
    await page.getByRole('link', { name: 'View deliveries' }).waitFor();
    for (const name of ['Send test event', 'Disable', 'Rotate secret…', 'Replay failed deliveries', 'Edit events', 'Delete…']) {
      expect([name, await page.getByRole('button', { name }).count()]).toEqual([name, 0]);
    }
  });

  it("never shows another tenant's data, even when the page's requests are edited", async () => {
    const { page } = browser;
    await page.goto(`${dashboardUrl}#/subscriptions/${theirs.subscription.id}`);
    await page.getByRole('alert').filter({ hasText: 'exists for this tenant' }).waitFor();
    expect(await page.content()).not.toContain(theirs.subscription.url);
    const token = (await storedToken())!;
    const edited = await page.evaluate(
      async ({ id, tenant, token }) => {
        const get = async (path: string) => {
          const response = await fetch(`/v1${path}`, { headers: { Authorization: token } });
          return [response.status, await response.text()] as const;
        };
        return [await get(`/webhook-subscriptions/${id}`), await get(`/webhook-subscriptions?tenant=${tenant}`), await get(`/deliveries?tenant=${tenant}`)];
      },
      { id: theirs.subscription.id, tenant: theirs.tenant, token },
    );
    expect(edited.map(([status]) => status)).toEqual([404, 400, 400]);
    expect(edited.map(([, body]) => body).join('')).not.toContain(theirs.subscription.url);
  });

  it('offers write actions to a write session', async () => {
    const { page } = browser;
    await page.goto((await open('write')).url);
    await page.locator('.caller', { hasText: 'can make changes' }).waitFor();
    expect(await page.getByRole('button', { name: 'New subscription' }).isEnabled()).toBe(true);
    await page.locator(`tr[data-subscription-id="${mine.subscription.id}"] a`).click();
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('button', { name: 'Enable' }).waitFor();
    expect((await t.subscriptions.get(mine.subscription.id)).isActive).toBe(false);
    await page.getByRole('button', { name: 'Enable' }).click();
    await page.getByRole('button', { name: 'Disable' }).waitFor();
  });

  it('refuses an expired session: the API answers 401 and the page says the session has ended', async () => {
    const { page } = browser;
    const { url, token: expiredToken } = await open('read', 60);
    await page.goto(url);
    await page.locator(`tr[data-subscription-id="${mine.subscription.id}"]`).waitFor();
    clock.advance(60_000);
    await page.getByRole('link', { name: 'Deliveries' }).click();
    await page.getByRole('heading', { name: 'This session has ended' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/expired or was revoked/);
    expect(await page.locator('#app-header').textContent()).not.toContain(mine.tenant);
    // The page has forgotten the token; the API refuses it too.
    expect(await storedToken()).toBeNull();
    const status = await page.evaluate(async (token) => (await fetch('/v1/caller', { headers: { Authorization: token } })).status, expiredToken);
    expect(status).toBe(401);
    await browser.screenshot('portal-02-session-ended');
    // A reload shows the same, not a sign-in form: the customer has no key to sign in with.
    await page.reload();
    await page.getByRole('heading', { name: 'This session has ended' }).waitFor();
    expect(await page.getByLabel('API key').count()).toBe(0);
  });

  it('refuses a session opened from an expired URL', async () => {
    const { page } = browser;
    const session = await open('read', 60);
    clock.advance(60_000);
    await page.goto(session.url);
    await page.getByRole('heading', { name: 'This session has ended' }).waitFor();
    expect(await page.content()).not.toContain(mine.subscription.url);
  });

  it('refuses a revoked session at its next request', async () => {
    const { page } = browser;
    const session = await open('read');
    await page.goto(session.url);
    await page.locator(`tr[data-subscription-id="${mine.subscription.id}"]`).waitFor();
    await portal.revokeSession(session.id, { tenant: mine.tenant });
    await page.getByRole('link', { name: 'Event catalog' }).click();
    await page.getByRole('heading', { name: 'This session has ended' }).waitFor();
  });

  it("loads in an iframe of an allowed origin's page, and is blocked by its Content-Security-Policy in any other's", async () => {
    const { page } = browser;
    allowedHost.frameUrl = (await open('read')).url;
    await page.goto(`${allowedHost.origin}/settings`);
    const frame = page.frameLocator('#portal');
    await frame.locator('.caller .tenant', { hasText: mine.tenant }).waitFor();
    await frame.locator(`tr[data-subscription-id="${mine.subscription.id}"]`).waitFor();
    await browser.screenshot('portal-03-embedded');

    otherHost.frameUrl = (await open('read')).url;
    await page.goto(`${otherHost.origin}/settings`);
    await eventually(() => browser.problems.some((problem) => problem.includes('frame-ancestors')));
    expect(await frame.locator('#app-main').count()).toBe(0);
    // The refusal is what this test provoked; anything else is still a problem.
    browser.problems.splice(0, browser.problems.length, ...browser.problems.filter((problem) => !problem.includes('frame-ancestors')));
  });
});
