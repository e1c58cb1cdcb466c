import type { INestApplication, LoggerService } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  HOOKLINE_RUNTIME,
  WebhookApiKeys,
  WebhookDeliveries,
  WebhookPublisher,
  WebhooksModule,
  WebhookSubscriptions,
  type HooklineRuntime,
  type WebhooksApiOptions,
  type WebhooksDashboardOptions,
  type WebhooksModuleOptions,
} from '@hookline/nestjs';
import type { TestDriver } from './drivers';

export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export interface TestApp {
  app: INestApplication;
  publisher: WebhookPublisher;
  subscriptions: WebhookSubscriptions;
  deliveries: WebhookDeliveries;
  apiKeys: WebhookApiKeys;
  runtime: HooklineRuntime;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** How the Nest app itself is set up, beside the module's options. */
export interface TestAppSetup {
  /** Receives every log line (default: errors and warnings on the console). */
  logger?: LoggerService;
  globalPrefix?: string;
}

/** A Nest app with WebhooksModule on the driver's database and queue, delivering to loopback. */
export async function createTestApp(
  driver: TestDriver,
  options: WebhooksModuleOptions & { api?: WebhooksApiOptions; dashboard?: WebhooksDashboardOptions } = {},
  setup: TestAppSetup = {},
): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot(driver.database()),
      EventEmitterModule.forRoot(),
      WebhooksModule.forRoot({
        queue: driver.queue(),
        entities: driver.entities,
        encryptionKey: TEST_ENCRYPTION_KEY,
        ...options,
        delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'], timeoutMs: 5_000, ...options.delivery },
        sweeper: { intervalMs: 500, staleAfterMs: 1_000, ...options.sweeper },
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: setup.logger ?? ['error', 'warn'] });
  if (setup.globalPrefix) app.setGlobalPrefix(setup.globalPrefix);
  app.enableShutdownHooks();
  await app.init();
  return {
    app,
    publisher: app.get(WebhookPublisher),
    subscriptions: app.get(WebhookSubscriptions),
    deliveries: app.get(WebhookDeliveries),
    apiKeys: app.get(WebhookApiKeys),
    runtime: app.get<HooklineRuntime>(HOOKLINE_RUNTIME),
    dataSource: app.get(DataSource),
    close: () => app.close(),
  };
}
