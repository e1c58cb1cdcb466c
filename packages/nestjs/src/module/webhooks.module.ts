import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WebhookDeliveries } from '../deliveries/webhook-deliveries';
import { WebhookPublisher } from '../publishing/webhook-publisher';
import { HooklineRuntime } from '../runtime/hookline-runtime';
import { HOOKLINE_ENTITIES } from '../storage/entities';
import { WebhookSubscriptions } from '../subscriptions/webhook-subscriptions';
import { findEventEmitter } from './find-event-emitter';
import { HooklineLifecycle } from './hookline-lifecycle';
import { HOOKLINE_RUNTIME } from './tokens';
import {
  ConfigurableWebhooksModule,
  WEBHOOKS_ASYNC_OPTIONS_TYPE,
  WEBHOOKS_MODULE_OPTIONS,
  WEBHOOKS_OPTIONS_TYPE,
} from './webhooks.module-definition';
import type { WebhooksModuleOptions } from './webhooks-module-options';

const PUBLIC_SERVICES = [
  { provide: WebhookPublisher, useFactory: (runtime: HooklineRuntime) => runtime.publisher, inject: [HOOKLINE_RUNTIME] },
  { provide: WebhookSubscriptions, useFactory: (runtime: HooklineRuntime) => runtime.subscriptions, inject: [HOOKLINE_RUNTIME] },
  { provide: WebhookDeliveries, useFactory: (runtime: HooklineRuntime) => runtime.deliveries, inject: [HOOKLINE_RUNTIME] },
];

/**
 * Outbound webhooks for a Nest app: `WebhooksModule.forRoot(options)` or `forRootAsync(...)`.
 * The host owns the TypeORM DataSource; the module registers its entities on it.
 */
@Module({})
export class WebhooksModule extends ConfigurableWebhooksModule {
  static forRoot(options: typeof WEBHOOKS_OPTIONS_TYPE): DynamicModule {
    return WebhooksModule.withProviders(super.forRoot(options), options.dataSource);
  }

  static forRootAsync(options: typeof WEBHOOKS_ASYNC_OPTIONS_TYPE): DynamicModule {
    return WebhooksModule.withProviders(super.forRootAsync(options), options.dataSource);
  }

  private static withProviders(base: DynamicModule, dataSourceName?: string): DynamicModule {
    const runtime: Provider = {
      provide: HOOKLINE_RUNTIME,
      useFactory: (options: WebhooksModuleOptions, dataSource: DataSource, moduleRef: ModuleRef) =>
        new HooklineRuntime(options, dataSource, new Logger('Hookline'), findEventEmitter(moduleRef)),
      inject: [WEBHOOKS_MODULE_OPTIONS, getDataSourceToken(dataSourceName), ModuleRef],
    };
    return {
      ...base,
      imports: [...(base.imports ?? []), TypeOrmModule.forFeature(HOOKLINE_ENTITIES, dataSourceName)],
      providers: [...(base.providers ?? []), runtime, ...PUBLIC_SERVICES, HooklineLifecycle],
      exports: [...(base.exports ?? []), HOOKLINE_RUNTIME, WebhookPublisher, WebhookSubscriptions, WebhookDeliveries],
    };
  }
}
