import type { AddressInfo } from 'node:net';
import type { TestDriver } from '../../support/drivers';
import { createApiTestApp, type ApiTestApp } from '../../api/support/api-test-app';
import { openBrowser, type TestBrowser } from './browser';

export interface SignedInDashboard {
  t: ApiTestApp;
  browser: TestBrowser;
  tenant: string;
  close(): Promise<void>;
}

/** The app listening on loopback and Chromium signed in to its dashboard with a fresh tenant's write key, at the empty subscription list. */
export async function signedInDashboard(driver: TestDriver, keyName: string): Promise<SignedInDashboard> {
  const t = await createApiTestApp(driver);
  await t.app.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const tenant = `shop-${Math.random().toString(36).slice(2, 10)}`;
  const { key } = await t.apiKeys.create({ tenant, scope: 'write', name: keyName });
  const browser = await openBrowser(origin);
  await browser.page.goto(`${origin}/v1/dashboard`);
  await browser.page.getByLabel('API key').fill(key);
  await browser.page.getByRole('button', { name: 'Sign in' }).click();
  await browser.page.getByText('No subscriptions yet').waitFor();
  return {
    t,
    browser,
    tenant,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
