import { sqliteInProcess } from '../support/drivers';
import { eventually } from '../support/receiver';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';
import type { TestBrowser } from './support/browser';
import { dashboardSuite } from './support/dashboard-suite';

const API_KEY = 'sk_live_51H8Zq2eZvKYlo2CxyZ9';
const NEW_KEY = 'sk_live_rotated_0000000009999';

/** A subscription's own headers in the dashboard, in headless Chromium: added on create, masked, edited, removed. */
describe('dashboard: per-subscription headers in a browser', () => {
  const suite = dashboardSuite(() => createApiTestApp(sqliteInProcess()));
  const { receiver } = suite;
  let t: ApiTestApp;
  let browser: TestBrowser;
  let tenant: string;
  let subscriptionId: string;

  beforeAll(async () => {
    ({ t, browser } = suite);
    tenant = await suite.signInNewTenant('headers test');
  });

  it('creates a subscription with a header, after adding and removing rows', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'New subscription' }).click();
    await page.getByLabel('Endpoint URL').fill(receiver.url('/dashboard-headers'));
    await page.getByLabel('Description (optional)').fill('Partner CRM');
    await page.getByRole('checkbox', { name: 'points.earned', exact: true }).check();
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header name 1').fill('X-Api-Key');
    await page.getByLabel('Header value 1').fill(API_KEY);
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header name 2').fill('X-Dropped');
    await page.getByLabel('Header value 2').fill('dropped');
    await page.getByRole('button', { name: 'Remove header 2' }).click();
    await browser.screenshot('headers-01-new-subscription');
    await page.getByRole('button', { name: 'Create subscription' }).click();
    await page.getByRole('textbox', { name: 'Signing secret' }).waitFor();
    expect(await page.content()).not.toContain(API_KEY);
    [{ id: subscriptionId }] = (await t.subscriptions.list({ tenant })).data;
    expect((await t.subscriptions.get(subscriptionId)).headers).toEqual({ 'X-Api-Key': '••••xyZ9' });
  });

  it("shows the subscription's headers masked, and sends them with a test event", async () => {
    const { page } = browser;
    await page.getByRole('link', { name: /go to the subscription/ }).click();
    const section = page.getByRole('region', { name: 'Headers' });
    await section.getByText('••••xyZ9').waitFor();
    expect(await section.locator('dt').allTextContents()).toEqual(['X-Api-Key']);
    expect(await page.content()).not.toContain(API_KEY);
    await browser.screenshot('headers-02-masked');
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.locator('.test-outcome', { hasText: 'Test event delivered' }).waitFor();
    expect(receiver.requests.map((sent) => sent.headers['x-api-key'])).toEqual([API_KEY]);
  });

  it('edits the headers: every value entered again, one added, and a refused name explained', async () => {
    const { page } = browser;
    const section = page.getByRole('region', { name: 'Headers' });
    await page.getByRole('button', { name: 'Edit headers' }).click();
    expect(await page.getByLabel('Header name 1').inputValue()).toBe('X-Api-Key');
    expect(await page.getByLabel('Header value 1').inputValue()).toBe('');
    await page.getByLabel('Header value 1').fill(NEW_KEY);
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header name 2').fill('Webhook-Signature');
    await page.getByLabel('Header value 2').fill('forged');
    await page.getByRole('button', { name: 'Save headers' }).click();
    await section.getByRole('alert').filter({ hasText: /Webhook-Signature.*cannot be replaced/ }).waitFor();
    await browser.screenshot('headers-03-refused');
    expect((await t.subscriptions.get(subscriptionId)).headers).toEqual({ 'X-Api-Key': '••••xyZ9' });
    await page.getByLabel('Header name 2').fill('X-Tenant');
    await page.getByLabel('Header value 2').fill('acme');
    await page.getByRole('button', { name: 'Save headers' }).click();
    await section.getByText('••••9999').waitFor();
    expect(await section.locator('dt').allTextContents()).toEqual(['X-Api-Key', 'X-Tenant']);
    expect(await section.locator('dd').allTextContents()).toEqual(['••••9999', '••••']);
    expect(await page.content()).not.toContain(NEW_KEY);
    expect((await t.subscriptions.get(subscriptionId)).headers).toEqual({ 'X-Api-Key': '••••9999', 'X-Tenant': '••••' });
    await browser.screenshot('headers-04-edited');
  });

  it('removes every header', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Edit headers' }).click();
    await page.getByRole('button', { name: 'Remove header 2' }).click();
    await page.getByRole('button', { name: 'Remove header 1' }).click();
    await page.getByRole('button', { name: 'Save headers' }).click();
    await page.getByText('No headers of its own').waitFor();
    await eventually(async () => (await t.subscriptions.get(subscriptionId)).headers === null);
  });
});
