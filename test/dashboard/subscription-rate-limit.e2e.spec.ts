import { sqliteInProcess } from '../support/drivers';
import { eventually } from '../support/receiver';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';
import type { TestBrowser } from './support/browser';
import { dashboardSuite } from './support/dashboard-suite';

/** A subscription's rate limit in the dashboard, in headless Chromium: set on create, the hold shown, edited, refused, removed. */
describe('dashboard: per-subscription rate limit in a browser', () => {
  const suite = dashboardSuite(() => createApiTestApp(sqliteInProcess()));
  const { receiver } = suite;
  let t: ApiTestApp;
  let browser: TestBrowser;
  let tenant: string;
  let subscriptionId: string;

  beforeAll(async () => {
    ({ t, browser } = suite);
    tenant = await suite.signInNewTenant('rate limit test');
  });

  it('creates a subscription limited to 2 deliveries a second', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'New subscription' }).click();
    await page.getByLabel('Endpoint URL').fill(receiver.url('/dashboard-rated'));
    await page.getByLabel('Description (optional)').fill('Rate-limited CRM');
    await page.getByRole('checkbox', { name: 'points.earned', exact: true }).check();
    await page.getByLabel('Rate limit per second').fill('2');
    await page.getByRole('button', { name: 'Create subscription' }).click();
    await page.getByRole('textbox', { name: 'Signing secret' }).waitFor();
    [{ id: subscriptionId }] = (await t.subscriptions.list({ tenant })).data;
    expect((await t.subscriptions.get(subscriptionId)).rateLimit).toEqual({ perSecond: 2 });
  });

  it('shows the limit, and that it holds deliveries back while they wait for it', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: /go to the subscription/ }).click();
    const section = page.getByRole('region', { name: 'Rate limit' });
    await section.getByText('2 per second').waitFor();
    expect(await section.getByText(/Held by its rate limit/).count()).toBe(0);
    await t.publisher.publishMany(Array.from({ length: 12 }, (_, i) => ({ type: 'points.earned', data: { customer_id: `c${i}`, amount: i }, tenant })));
    await eventually(async () => (await t.runtime.stats.forSubscription(subscriptionId, { tenant, windowMs: 3_600_000 })).rateLimitedUntil !== null, 10_000);
    await page.reload();
    await section.getByText(/Held by its rate limit until .+ no attempt spent/).waitFor();
    await browser.screenshot('rate-limit-02-held');
  });

  it('edits the limit: a refused value explained, then per minute instead of per second', async () => {
    const { page } = browser;
    const section = page.getByRole('region', { name: 'Rate limit' });
    await page.getByRole('button', { name: 'Edit rate limit' }).click();
    expect(await page.getByLabel('Rate limit per second').inputValue()).toBe('2');
    await page.getByLabel('Rate limit per second').fill('0');
    await page.getByRole('button', { name: 'Save rate limit' }).click();
    await section.getByRole('alert').filter({ hasText: /per_second must be a whole number from 1 to 10000/ }).waitFor();
    await browser.screenshot('rate-limit-03-refused');
    expect((await t.subscriptions.get(subscriptionId)).rateLimit).toEqual({ perSecond: 2 });
    await page.getByLabel('Rate limit per second').fill('');
    await page.getByLabel('Rate limit per minute').fill('120');
    await page.getByRole('button', { name: 'Save rate limit' }).click();
    await section.getByText('120 per minute').waitFor();
    expect((await t.subscriptions.get(subscriptionId)).rateLimit).toEqual({ perMinute: 120 });
  });

  it('removes the limit with both fields empty', async () => {
    const { page } = browser;
    const section = page.getByRole('region', { name: 'Rate limit' });
    await page.getByRole('button', { name: 'Edit rate limit' }).click();
    await page.getByLabel('Rate limit per minute').fill('');
    await page.getByRole('button', { name: 'Save rate limit' }).click();
    await section.getByText('No limit').waitFor();
    await page.getByRole('button', { name: 'Set rate limit' }).waitFor();
    expect((await t.subscriptions.get(subscriptionId)).rateLimit).toBeNull();
    await eventually(() => receiver.requests.length === 12, 20_000);
  });
});
