import type { AddressInfo } from 'node:net';
import { sqliteInProcess } from '../support/drivers';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';
import { openBrowser } from '../dashboard/support/browser';

/** Every HTML page the module serves, and the files those pages load. */
const PAGES = ['/v1/dashboard', '/v1/docs'];
const FILES = ['/v1/dashboard/assets/app-shell.js', '/v1/dashboard/assets/dashboard.css', '/v1/docs/swagger-ui-init.js', '/v1/docs/swagger-ui-bundle.js', '/v1/docs/swagger-ui.css'];

describe('pages where people paste API keys', () => {
  let t: ApiTestApp;
  let origin: string;

  beforeAll(async () => {
    t = await createApiTestApp(sqliteInProcess());
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => t?.close());

  it.each([...PAGES, ...FILES])('%s refuses framing, sniffing, inline scripts and foreign origins', async (path) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp.split('; ')).toEqual(expect.arrayContaining(["default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"]));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('still renders the API docs in Chromium under that policy', async () => {
    const browser = await openBrowser(origin);
    try {
      await browser.page.goto(`${origin}/v1/docs`);
      await browser.page.locator('.swagger-ui .info .title').waitFor();
      await browser.page.locator('.opblock-summary-path', { hasText: '/v1/webhook-subscriptions' }).first().waitFor();
      await browser.screenshot('api-docs', { fullPage: false });
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
