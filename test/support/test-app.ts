import type { INestApplication } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  HOOKLINE_RUNTIME,
  WebhookDeliveries,
  WebhookPublisher,
  WebhooksModule,
  WebhookSubscriptions,
  type HooklineRuntime,
  type WebhooksModuleOptions,
} from '@hookline/nestjs';
import type { TestDriver } from './drivers';

export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestApp {
  app: INestApplication;
  publisher: WebhookPublisher;
  subscriptions: WebhookSubscriptions;
  deliveries: WebhookDeliveries;
  runtime: HooklineRuntime;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A Nest app with WebhooksModule on the driver's database and queue, delivering to loopback. */
export async function createTestApp(driver: TestDriver, options: WebhooksModuleOptions = {}): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot(driver.database()),
      EventEmitterModule.forRoot(),
      WebhooksModule.forRoot({
        queue: driver.queue(),
        encryptionKey: TEST_ENCRYPTION_KEY,
        ...options,
        delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'], timeoutMs: 5_000, ...options.delivery },
        sweeper: { intervalMs: 500, staleAfterMs: 1_000, ...options.sweeper },
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  app.enableShutdownHooks();
  await app.init();
  return {
    app,
    publisher: app.get(WebhookPublisher),
    subscriptions: app.get(WebhookSubscriptions),
    deliveries: app.get(WebhookDeliveries),
    runtime: app.get<HooklineRuntime>(HOOKLINE_RUNTIME),
    dataSource: app.get(DataSource),
    close: () => app.close(),
  };
}
