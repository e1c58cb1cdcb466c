import type { AddressInfo } from 'node:net';
import type { ApiTestApp } from '../../api/support/api-test-app';
import { TestReceiver } from '../../support/receiver';
import { openBrowser, type TestBrowser } from './browser';

export interface DashboardSuite {
  receiver: TestReceiver;
  /** Set once the suite's beforeAll ran. */
  readonly t: ApiTestApp;
  readonly browser: TestBrowser;
  /** The app's origin, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Opens the dashboard and signs in with `key`, resolving once the page shows the key's tenant. */
  signIn(key: string, tenant: string): Promise<void>;
  /** A fresh tenant with a write key named `keyName`, signed in, at its empty subscription list. Returns the tenant. */
  signInNewTenant(keyName: string): Promise<string>;
}

/**
 * The lifecycle of a dashboard suite: a receiver, the app `start` builds listening on 127.0.0.1 and
 * a headless Chromium allowed to reach it only, all torn down after the suite; after each test the
 * page must have had no problem (console error, CSP refusal, request elsewhere).
 */
export function dashboardSuite(start: (receiver: TestReceiver) => Promise<ApiTestApp>): DashboardSuite {
  const receiver = new TestReceiver();
  let t: ApiTestApp | undefined;
  let browser: TestBrowser | undefined;
  let origin = '';

  beforeAll(async () => {
    await receiver.start();
    t = await start(receiver);
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await openBrowser(origin);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await receiver.stop();
  });

  afterEach(() => {
    expect(browser?.problems).toEqual([]);
  });

  return {
    receiver,
    get t() {
      return t!;
    },
    get browser() {
      return browser!;
    },
    get origin() {
      return origin;
    },
    async signIn(key, tenant) {
      const { page } = browser!;
      await page.goto(`${origin}/v1/dashboard`);
      await page.getByLabel('API key').fill(key);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('.caller .tenant', { hasText: tenant }).waitFor();
    },
    async signInNewTenant(keyName) {
      const tenant = `shop-${Math.random().toString(36).slice(2, 10)}`;
      const { key } = await t!.apiKeys.create({ tenant, scope: 'write', name: keyName });
      await this.signIn(key, tenant);
      await browser!.page.getByText('No subscriptions yet').waitFor();
      return tenant;
    },
  };
}
