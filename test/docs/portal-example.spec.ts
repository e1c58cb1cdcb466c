import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { TEST_ENCRYPTION_KEY } from '../support/test-app';

const root = join(__dirname, '..', '..');
const EXAMPLE = join(root, 'examples', 'portal', 'webhook-settings.module.ts');

describe('README: embedding the dashboard (examples/portal)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    process.env.APP_DATABASE = ':memory:';
    process.env.HOOKLINE_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
    const { WebhookSettingsModule } = await import('../../examples/portal/webhook-settings.module');
    app = await NestFactory.create(WebhookSettingsModule, { logger: false });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    delete process.env.APP_DATABASE;
    delete process.env.HOOKLINE_ENCRYPTION_KEY;
  });

  it('is embedded in the README as it is here', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(readFileSync(EXAMPLE, 'utf8').trim());
  });

  it("frames the dashboard signed in for the user's shop, with the scope of their role, in an uncached page", async () => {
    const http = request(app.getHttpServer());
    for (const [role, scope] of [['owner', 'write'], ['staff', 'read']]) {
      const page = await http.get('/settings/webhooks').set({ 'x-example-shop': 'shop-7', 'x-example-role': role });
      expect([page.status, page.headers['cache-control']]).toEqual([200, 'no-store']);
      const src = /<iframe src="([^"]+)"/.exec(page.text)![1];
      expect(src).toMatch(/^https:\/\/api\.example\.com\/v1\/dashboard#portal=hlp_[A-Za-z0-9_-]{43}$/);
      const caller = await http.get('/v1/caller').set('Authorization', src.split('#portal=')[1]);
      expect(caller.body.data.attributes).toMatchObject({ tenant: 'shop-7', scope });
    }
    expect((await http.get('/settings/webhooks')).status).toBe(403);
  });

  it('lets only the settings page origin frame the dashboard', async () => {
    const page = await request(app.getHttpServer()).get('/v1/dashboard');
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors https:\/\/app\.example\.com$/);
  });
});
