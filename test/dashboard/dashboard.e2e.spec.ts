import { createSigner } from '@hookline/nestjs';
import type { Locator } from 'playwright-core';
import { sqliteInProcess } from '../support/drivers';
import { eventually } from '../support/receiver';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';
import type { TestBrowser } from './support/browser';
import { dashboardSuite } from './support/dashboard-suite';

const verifier = createSigner({ scheme: 'standard' });
const points = (customer: string) => ({ customer_id: customer, amount: 150, new_balance: 2350 });

/** Waits until the page shows exactly `count` of these (the log refreshes itself). */
const countOf = (locator: Locator, count: number) => eventually(async () => (await locator.count()) === count);

/**
 * The dashboard in a real (headless) Chromium against a real app and receiver on 127.0.0.1, as a
 * person would use it. Screenshots of every step go to test/artifacts/dashboard/.
 */
describe('dashboard in a browser', () => {
  // Two attempts 100 ms apart, then failed: failures to resend and replay come quickly.
  const suite = dashboardSuite(() => createApiTestApp(sqliteInProcess(), { retry: { schedule: [100], jitter: 0 } }));
  const { receiver } = suite;
  let t: ApiTestApp;
  let browser: TestBrowser;
  let origin: string;
  let tenant: string;
  let writeKey: string;
  let readKey: string;

  beforeAll(async () => {
    ({ t, browser, origin } = suite);
    tenant = `shop-${Math.random().toString(36).slice(2, 10)}`;
    writeKey = (await t.apiKeys.create({ tenant, scope: 'write', name: 'dashboard test' })).key;
    readKey = (await t.apiKeys.create({ tenant, scope: 'read', name: 'dashboard test (read)' })).key;
  });

  it('serves the page and its files with their content types and a strict Content-Security-Policy, without a key', async () => {
    const page = await fetch(`${origin}/v1/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html).toContain('<meta name="hookline-api" content="/v1">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = await fetch(`${origin}/v1/dashboard/assets/main.js`);
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    const styles = await fetch(`${origin}/v1/dashboard/assets/dashboard.css`);
    expect([styles.status, styles.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    for (const path of ['assets/nope.js', 'assets/format.spec.ts', 'assets/index.html', 'assets/..%2F..%2Fpackage.json']) {
      expect([path, (await fetch(`${origin}/v1/dashboard/${path}`)).status]).toEqual([path, 404]);
    }
  });

  it('refuses an unknown key, then signs in with a write key', async () => {
    const { page } = browser;
    await page.goto(`${origin}/v1/dashboard`);
    await page.getByLabel('API key').waitFor();
    await browser.screenshot('01-sign-in');
    await page.getByLabel('API key').fill('hlk_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: /refused|unknown/i }).waitFor();
    await page.getByLabel('API key').fill(writeKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.caller .tenant', { hasText: tenant }).waitFor();
    expect(await page.locator('.caller').textContent()).toContain('write key');
    await page.getByText('No subscriptions yet').waitFor();
    expect(await page.evaluate(`sessionStorage.getItem('hookline.apiKey')`)).toBe(writeKey);
    await browser.screenshot('02-subscriptions-empty');
  });

  let subscriptionId: string;
  let secret: string;

  it('creates a subscription and shows its secret once, with a copy button', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'New subscription' }).click();
    await page.getByLabel('Endpoint URL').fill(receiver.url('/dashboard'));
    await page.getByLabel('Description (optional)').fill('Loyalty CRM sync');
    for (const event of ['points.earned', 'points.redeemed', 'customer.tier_upgrade']) await page.getByRole('checkbox', { name: event, exact: true }).check();
    await browser.screenshot('03-new-subscription');
    await page.getByRole('button', { name: 'Create subscription' }).click();
    const field = page.getByRole('textbox', { name: 'Signing secret' });
    await field.waitFor();
    secret = await field.inputValue();
    expect(secret).toMatch(/^whsec_/);
    expect(await page.locator('.secret-reveal .warning').textContent()).toMatch(/shown only this once/);
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(`navigator.clipboard.readText()`)).toBe(secret);
    await browser.screenshot('04-secret-shown-once');

    await page.getByRole('link', { name: /go to the subscription/ }).click();
    await page.getByRole('heading', { name: 'Loyalty CRM sync' }).waitFor();
    subscriptionId = (await t.subscriptions.list({ tenant })).data[0].id;
    expect(page.url()).toContain(`#/subscriptions/${subscriptionId}`);
    expect(await page.content()).not.toContain(secret);
    await page.getByRole('link', { name: 'Subscriptions' }).click();
    await page.locator(`tr[data-subscription-id="${subscriptionId}"]`).waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('sends a test event and shows the first attempt straight away', async () => {
    const { page } = browser;
    await page.locator(`tr[data-subscription-id="${subscriptionId}"] a`).click();
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.locator('.test-outcome', { hasText: 'Test event delivered' }).waitFor();
    expect(await page.locator('.test-outcome').textContent()).toContain('200');
    expect(receiver.requests).toHaveLength(1);
    expect(() => verifier.verify({ body: receiver.requests[0].body, headers: receiver.requests[0].headers as never, secrets: secret })).not.toThrow();
    await browser.screenshot('05-test-event');
  });

  it('shows deliveries in the log as they are made, and filters them', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Deliveries' }).first().click();
    await page.locator('tr[data-delivery-id]').first().waitFor();
    expect(await page.locator('tr[data-delivery-id]').count()).toBe(1);
    // Customers named "fail-*" are refused by the receiver: those deliveries end failed.
    receiver.respond = (request) => (JSON.parse(request.body).data.customer_id.startsWith('fail-') ? { status: 500, body: 'upstream down' } : { status: 200, body: 'ok' });
    for (const customer of ['alice', 'bob', 'fail-carol', 'dave', 'fail-erin']) await t.publisher.publish('points.earned', points(customer), { tenant });
    await t.publisher.publish('points.redeemed', { ...points('frank'), redemption_id: 'red_1' }, { tenant });
    await countOf(page.locator('tr[data-delivery-id]'), 7);
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'failed' })).data.length === 2);
    await countOf(page.locator('tr[data-status="failed"]'), 2);
    await browser.screenshot('06-deliveries-live');

    await page.getByLabel('Status').selectOption('failed');
    await page.getByLabel('Event type').selectOption('points.earned');
    await page.getByRole('button', { name: 'Apply' }).click();
    await countOf(page.locator('tr[data-delivery-id]'), 2);
    expect(await page.locator('tr[data-delivery-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')))).toEqual(['failed', 'failed']);
    expect(page.url()).toContain('status=failed');
    await browser.screenshot('07-deliveries-filtered');
  });

  it('opens a failed delivery with every attempt, and resends it', async () => {
    const { page } = browser;
    await page.locator('tr[data-delivery-id] a').first().click();
    await page.getByRole('heading', { name: 'Attempts (2)' }).waitFor();
    const attempts = page.locator('tr[data-attempt-id]');
    expect(await attempts.count()).toBe(2);
    expect(await attempts.first().textContent()).toContain('500');
    expect(await attempts.first().textContent()).toContain('upstream down');
    await browser.screenshot('08-delivery-failed');

    receiver.respond = () => ({ status: 200, body: 'ok now' });
    await page.getByRole('button', { name: 'Resend' }).click();
    await page.getByRole('heading', { name: 'Attempts (3)' }).waitFor({ timeout: 20_000 });
    await page.locator('.properties .pill', { hasText: 'delivered' }).waitFor({ timeout: 20_000 });
    expect(await attempts.last().textContent()).toContain('ok now');
    await browser.screenshot('09-delivery-resent');
  });

  it('replays the remaining failures of a subscription in bulk', async () => {
    const { page } = browser;
    await page.locator('.properties a', { hasText: subscriptionId }).click();
    await page.getByRole('button', { name: 'Replay failed deliveries' }).click();
    await page.getByText('1 failed delivery queued to be sent again.').waitFor();
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'failed' })).data.length === 0);
  });

  it("charts the subscription's health over time", async () => {
    const { page } = browser;
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 7);
    await page.reload();
    await page.getByRole('button', { name: 'Disable' }).waitFor();
    await page.locator('.tile-value').first().waitFor();
    const tiles = await page.locator('.tile').allTextContents();
    expect(tiles[0]).toContain('7');
    expect(tiles[1]).toContain('100%');
    expect(await page.locator('figure.chart').count()).toBe(3);
    expect(await page.locator('figure.chart path.line').first().getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+/);
    await page.locator('.health').scrollIntoViewIfNeeded();
    await browser.screenshot('10-subscription-health');

    await page.getByRole('button', { name: 'Rotate secret…' }).click();
    await page.getByRole('button', { name: 'Rotate now' }).click();
    const rotated = await page.getByRole('textbox', { name: 'New signing secret' }).inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);

    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('button', { name: 'Enable' }).waitFor();
    expect((await t.subscriptions.get(subscriptionId)).isActive).toBe(false);
    expect(await page.getByRole('button', { name: 'Send test event' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Enable' }).click();
    await page.getByRole('button', { name: 'Disable' }).waitFor();

    await page.getByRole('button', { name: 'Edit events' }).click();
    await page.getByRole('checkbox', { name: 'customer.tier_upgrade', exact: true }).uncheck();
    await page.getByRole('button', { name: 'Save events' }).click();
    await eventually(async () => !(await t.subscriptions.get(subscriptionId)).events.includes('customer.tier_upgrade'));
    expect((await t.subscriptions.get(subscriptionId)).events).toEqual(['points.earned', 'points.redeemed']);
  });

  it('shows the event catalog with schemas and examples', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Event catalog' }).click();
    const card = page.locator('article[data-event-type="points.earned"]');
    await card.waitFor();
    expect(await card.locator('pre.json').last().textContent()).toContain('"customer_id"');
    await card.getByText('Schema').click();
    expect(await card.locator('pre.json').first().textContent()).toContain('"properties"');
    await page.getByLabel('Filter event types').fill('points.');
    await countOf(page.locator('article[data-event-type]:visible'), 4);
    expect(await page.locator('article[data-event-type]:visible').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-event-type')))).toEqual(
      expect.arrayContaining(['points.earned', 'points.redeemed']),
    );
    await page.evaluate('window.scrollTo(0, 0)');
    await browser.screenshot('11-event-catalog', { fullPage: false });
  });

  it('with a read-only key shows everything but disables every write button; sign out forgets the key', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(await page.evaluate(`sessionStorage.getItem('hookline.apiKey')`)).toBeNull();
    await page.getByLabel('API key').fill(readKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.caller', { hasText: 'read-only key' }).waitFor();
    await page.goto(`${origin}/v1/dashboard#/subscriptions/${subscriptionId}`);
    await page.getByRole('button', { name: 'Replay failed deliveries' }).waitFor();
    for (const name of ['Send test event', 'Disable', 'Rotate secret…', 'Replay failed deliveries', 'Edit events', 'Delete…']) {
      expect([name, await page.getByRole('button', { name }).isDisabled()]).toEqual([name, true]);
    }
    await page.locator('.tile-value').first().waitFor();
    await browser.screenshot('12-read-only');
    await page.getByRole('link', { name: 'Subscriptions' }).click();
    expect(await page.getByRole('button', { name: 'New subscription' }).isDisabled()).toBe(true);
  });
});
