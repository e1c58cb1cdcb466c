import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import request from 'supertest';
import { WebhookApiKeys, WebhooksModule, type WebhooksApiOptions } from '@hookline/nestjs';
import { sqliteInProcess } from '../support/drivers';
import { TEST_ENCRYPTION_KEY } from '../support/test-app';

/** forRootAsync takes `api` beside useFactory: it decides the routes before any factory runs. */
async function asyncApp(api: WebhooksApiOptions): Promise<INestApplication> {
  const driver = sqliteInProcess();
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot(driver.database()),
      WebhooksModule.forRootAsync({
        useFactory: async () => ({ queue: driver.queue(), encryptionKey: TEST_ENCRYPTION_KEY, worker: { enabled: false } }),
        api,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  await app.init();
  return app;
}

describe('REST API module options', () => {
  const apps: INestApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('mounts the API from forRootAsync under the prefix given beside useFactory', async () => {
    const app = await asyncApp({ prefix: '/webhooks/v2/', rateLimit: { limit: 2, ttlMs: 60_000 } });
    apps.push(app);
    const { key } = await app.get(WebhookApiKeys).create({ tenant: 'shop-async', scope: 'read' });
    const http = request(app.getHttpServer());
    expect((await http.get('/webhooks/v2/webhook-subscriptions').set('Authorization', key)).status).toBe(200);
    expect((await http.get('/webhooks/v2/event-types').set('Authorization', key)).status).toBe(200);
    expect((await http.get('/webhooks/v2/event-types').set('Authorization', key)).status).toBe(429);
    expect((await http.get('/v1/webhook-subscriptions').set('Authorization', key)).status).toBe(404);
    expect(Object.keys((await http.get('/webhooks/v2/openapi.json')).body.paths)).toContain('/webhooks/v2/deliveries');
  });

  it('mounts nothing when the API is disabled, and no docs when docs are off', async () => {
    const off = await asyncApp({ enabled: false });
    const noDocs = await asyncApp({ docs: false });
    apps.push(off, noDocs);
    expect((await request(off.getHttpServer()).get('/v1/webhook-subscriptions')).status).toBe(404);
    expect((await request(off.getHttpServer()).get('/v1/openapi.json')).status).toBe(404);
    expect((await request(noDocs.getHttpServer()).get('/v1/openapi.json')).status).toBe(404);
    expect((await request(noDocs.getHttpServer()).get('/v1/webhook-subscriptions')).status).toBe(401);
  });

  it('refuses API options that cannot work, when the module is defined', () => {
    expect(() => WebhooksModule.forRoot({ api: { prefix: 'v1?x' } })).toThrow(expect.objectContaining({ code: 'HOOKLINE_INVALID_MODULE_OPTIONS', pointer: '/api/prefix' }));
    expect(() => WebhooksModule.forRoot({ api: { rateLimit: { limit: 0 } } })).toThrow(expect.objectContaining({ pointer: '/api/rateLimit/limit' }));
    expect(() => WebhooksModule.forRoot({ api: { maxBodyBytes: -1 } })).toThrow(expect.objectContaining({ pointer: '/api/maxBodyBytes' }));
  });
});
