import { WebhookPortal } from '@hookline/nestjs';
import { sqliteInProcess } from '../support/drivers';
import { eventually } from '../support/receiver';
import { createApiTestApp } from '../api/support/api-test-app';
import { dashboardSuite } from './support/dashboard-suite';

const API_KEY = 'sk_live_ledger_credential_9917';
const COOKIE = 'session=kept-from-the-log-7c1f';

/**
 * What a delivery sent, in headless Chromium: the body (formatted, and its exact bytes), each
 * attempt's headers with credentials masked, the message with all its deliveries, and deleting a
 * subscription after a confirmation. Screenshots go to test/artifacts/dashboard/payload-*.png.
 */
describe('dashboard: the payload in the log, in a browser', () => {
  const suite = dashboardSuite(async (receiver) => {
    receiver.respond = () => ({ status: 200, body: '{"ok":true}', headers: { 'content-type': 'application/json', 'x-request-id': 'req-3141', 'set-cookie': COOKIE } });
    return createApiTestApp(sqliteInProcess());
  });
  const { receiver } = suite;
  let tenant: string;
  let ledger: string;
  let crm: string;
  let messageId: string;

  const deliveryOf = async (subscriptionId: string) => (await suite.t.deliveries.list({ tenant, subscriptionId })).data[0];
  const received = (path: string) => receiver.requests.find((r) => r.path === path)!;

  beforeAll(async () => {
    const { t } = suite;
    tenant = `shop-${Math.random().toString(36).slice(2, 10)}`;
    ledger = (await t.subscriptions.create({ tenant, url: receiver.url('/ledger'), events: ['points.*'], description: 'Points ledger', headers: { 'X-Api-Key': API_KEY } })).id;
    crm = (await t.subscriptions.create({ tenant, url: receiver.url('/crm'), events: ['*'], description: 'CRM sync', profile: 'loyali' })).id;
    messageId = (await t.publisher.publish('points.earned', { customer_id: 'cust_42', amount: 150, new_balance: 2350, note: 'Café ☕ bonus' }, { tenant })).messageId;
    await receiver.waitFor(2);
    await eventually(async () => (await t.deliveries.list({ tenant, status: 'delivered' })).data.length === 2);
    await suite.signIn((await t.apiKeys.create({ tenant, scope: 'write', name: 'payload test' })).key, tenant);
  }, 60_000);

  it("shows the body a delivery sent, formatted and byte for byte, and each attempt's headers masked", async () => {
    const { browser, origin } = suite;
    const { page } = browser;
    const sent = received('/ledger');
    await page.goto(`${origin}/v1/dashboard#/deliveries/${(await deliveryOf(ledger)).id}`);
    const body = page.locator('pre.payload-body');
    await body.waitFor();
    expect(await body.textContent()).toBe(JSON.stringify(JSON.parse(sent.body), null, 2));
    const request = page.getByLabel('Request headers');
    await request.getByText('webhook-signature').waitFor();
    expect(await request.locator('dt', { hasText: 'X-Api-Key' }).count()).toBe(0);
    await request.getByText("And 1 of the subscription's own headers: sealed with the subscription, not kept in the log.").waitFor();
    expect(await request.locator('dt', { hasText: 'webhook-signature' }).locator('xpath=following-sibling::dd[1]').textContent()).toMatch(/^••••/);
    const response = page.getByLabel('Response headers');
    expect(await response.locator('dt', { hasText: 'x-request-id' }).locator('xpath=following-sibling::dd[1]').textContent()).toBe('req-3141');
    expect(await response.locator('dt', { hasText: 'set-cookie' }).locator('xpath=following-sibling::dd[1]').textContent()).toBe('••••7c1f');
    await browser.screenshot('payload-01-delivery');

    await page.getByRole('button', { name: 'Show exact bytes' }).click();
    await page.getByRole('button', { name: 'Show formatted' }).waitFor();
    expect(await body.textContent()).toBe(sent.body);
    const html = await page.content();
    for (const secret of [API_KEY, COOKIE, String(sent.headers['webhook-signature'])]) expect(html).not.toContain(secret);
    await browser.screenshot('payload-02-exact-bytes');
  });

  it('opens the message from the delivery and lists every delivery it fanned out to', async () => {
    const { browser } = suite;
    const { page } = browser;
    await page.getByRole('link', { name: messageId }).click();
    await page.getByRole('heading', { name: 'Message' }).waitFor();
    const rows = page.locator('tr[data-delivery-id]');
    await eventually(async () => (await rows.count()) === 2);
    for (const subscriptionId of [ledger, crm]) {
      const row = page.locator('tr', { has: page.getByRole('link', { name: subscriptionId }) });
      expect(await row.locator('.pill').first().textContent()).toBe('delivered');
      expect(await row.locator('td').nth(3).textContent()).toBe('1');
    }
    await browser.screenshot('payload-03-message');

    // The CRM's delivery went in its own profile: its view shows the loyali body the receiver got.
    const crmDelivery = (await deliveryOf(crm)).id;
    await page.getByRole('link', { name: crmDelivery }).click();
    await page.getByRole('button', { name: 'Show exact bytes' }).click();
    await page.getByRole('button', { name: 'Show formatted' }).waitFor();
    expect(await page.locator('pre.payload-body').textContent()).toBe(received('/crm').body);
    expect(await page.getByLabel('Request headers').getByText('X-Loyali-Signature').count()).toBe(1);
  });

  it('deletes a subscription only once the deletion is confirmed', async () => {
    const { t, browser, origin } = suite;
    const { page } = browser;
    await page.goto(`${origin}/v1/dashboard#/subscriptions/${crm}`);
    await page.getByRole('button', { name: 'Delete…' }).click();
    const step = page.getByRole('group', { name: 'Delete subscription' });
    await step.waitFor();
    await browser.screenshot('payload-04-delete-confirm');
    await step.getByRole('button', { name: 'Cancel' }).click();
    await step.waitFor({ state: 'detached' });
    expect((await t.subscriptions.get(crm, { tenant })).id).toBe(crm);

    await page.getByRole('button', { name: 'Delete…' }).click();
    await step.getByRole('button', { name: 'Delete subscription' }).click();
    await page.waitForURL(`${origin}/v1/dashboard#/subscriptions`);
    await page.locator(`tr[data-subscription-id="${ledger}"]`).waitFor();
    expect(await page.locator(`tr[data-subscription-id="${crm}"]`).count()).toBe(0);
    await expect(t.subscriptions.get(crm, { tenant })).rejects.toMatchObject({ code: 'HOOKLINE_SUBSCRIPTION_NOT_FOUND' });
  });

  it('offers no deletion to a read portal session', async () => {
    const { t, browser, origin } = suite;
    const { page } = browser;
    const session = await t.app.get(WebhookPortal).createSession({ tenant, scope: 'read', dashboardUrl: `${origin}/v1/dashboard` });
    await page.goto(session.url);
    await page.locator('.caller', { hasText: 'read-only' }).waitFor();
    await page.goto(`${origin}/v1/dashboard#/subscriptions/${ledger}`);
    await page.getByRole('link', { name: 'View deliveries' }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete…' }).count()).toBe(0);
  });
});
