import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { WebhooksModule, type WebhooksApiOptions, type WebhooksDashboardOptions } from '@hookline/nestjs';
import { sqliteInProcess } from '../support/drivers';
import { createTestApp, type TestApp } from '../support/test-app';

const SOURCE = join(__dirname, '..', '..', 'packages', 'nestjs', 'src', 'dashboard', 'assets');
const BUILT = join(__dirname, '..', '..', 'packages', 'nestjs', 'dist', 'dashboard', 'assets');

describe('dashboard module options', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  async function app(extras: { api?: WebhooksApiOptions; dashboard?: WebhooksDashboardOptions }, globalPrefix?: string) {
    const t = await createTestApp(sqliteInProcess(), { worker: { enabled: false }, ...extras }, { globalPrefix });
    apps.push(t);
    return request(t.app.getHttpServer());
  }

  const apiMeta = (html: string) => /<meta name="hookline-api" content="([^"]*)">/.exec(html)?.[1];

  it('serves the page beside the API by default, and under a global prefix finds the API there too', async () => {
    const plain = await (await app({})).get('/v1/dashboard/');
    expect(plain.status).toBe(200);
    expect(apiMeta(plain.text)).toBe('/v1');
    expect(plain.text).toContain('src="/v1/dashboard/assets/main.js"');
    const prefixed = await (await app({}, 'api')).get('/api/v1/dashboard');
    expect(apiMeta(prefixed.text)).toBe('/api/v1');
    expect(prefixed.text).toContain('href="/api/v1/dashboard/assets/dashboard.css"');
  });

  it('serves the page at its own path, whatever the API prefix', async () => {
    const http = await app({ api: { prefix: 'hooks/v2' }, dashboard: { path: '/admin/webhooks/' } });
    const page = await http.get('/admin/webhooks');
    expect(page.status).toBe(200);
    expect(apiMeta(page.text)).toBe('/hooks/v2');
    expect((await http.get('/admin/webhooks/assets/main.js')).status).toBe(200);
    expect((await http.get('/hooks/v2/dashboard')).status).toBe(404);
  });

  it('serves no page when turned off, or when the API is off', async () => {
    expect((await (await app({ dashboard: { enabled: false } })).get('/v1/dashboard')).status).toBe(404);
    expect((await (await app({ api: { enabled: false } })).get('/v1/dashboard')).status).toBe(404);
  });

  it('refuses options that cannot work, when the module is defined', () => {
    expect(() => WebhooksModule.forRoot({ api: { enabled: false }, dashboard: { enabled: true } })).toThrow(
      expect.objectContaining({ code: 'HOOKLINE_INVALID_MODULE_OPTIONS', pointer: '/dashboard/enabled' }),
    );
    for (const path of ['', '/', 'a b', 'x?y']) {
      expect(() => WebhooksModule.forRoot({ dashboard: { path } })).toThrow(expect.objectContaining({ pointer: '/dashboard/path' }));
    }
  });

  it('lets only the configured origins frame the page, for portal sessions, and no one by default', async () => {
    const origins = ['https://app.example.com', 'https://*.shops.example.com:8443', "'self'"];
    const http = await app({ dashboard: { frameAncestors: origins } });
    const framed = (await http.get('/v1/dashboard')).headers['content-security-policy'];
    expect(framed).toContain(`frame-ancestors ${origins.join(' ')}`);
    expect(framed).toContain("script-src 'self'");
    expect(framed).not.toContain("frame-ancestors 'none'");
    expect((await http.get('/v1/docs')).headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await (await app({})).get('/v1/dashboard')).headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('refuses frame ancestors a Content-Security-Policy could read as something else', () => {
    for (const origin of ['*', 'https://app.example.com/settings', 'https://a.example.com; script-src *', 'app.example.com', "'none'", '', 'https://a.example.com https://b.example.com']) {
      expect(() => WebhooksModule.forRoot({ dashboard: { frameAncestors: ['https://ok.example.com', origin] } })).toThrow(
        expect.objectContaining({ code: 'HOOKLINE_INVALID_MODULE_OPTIONS', pointer: '/dashboard/frameAncestors/1' }),
      );
    }
    expect(() => WebhooksModule.forRoot({ dashboard: { frameAncestors: 'https://app.example.com' as never } })).toThrow(
      expect.objectContaining({ pointer: '/dashboard/frameAncestors' }),
    );
  });

  it('ships in dist byte for byte the files it serves from the sources', () => {
    const shipped = (folder: string) => readdirSync(folder).filter((name) => !name.endsWith('.ts')).sort();
    expect(shipped(BUILT)).toEqual(shipped(SOURCE));
    expect(shipped(SOURCE)).toEqual(expect.arrayContaining(['index.html', 'main.js', 'dashboard.css']));
    for (const name of shipped(SOURCE)) {
      expect([name, readFileSync(join(BUILT, name)).equals(readFileSync(join(SOURCE, name)))]).toEqual([name, true]);
    }
  });
});
