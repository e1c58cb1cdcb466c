import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { resolveApiOptions } from '../api/api-options';
import { WebhookApiKeys, WebhookDeliveries, WebhookMessages, WebhookPublisher, HooklineRuntime, WebhookStats, HOOKLINE_ENTITIES, WebhookSubscriptions, TestEventSender } from '@hookline/engine';
import { resolveDashboardOptions } from '../dashboard/dashboard-options';
import { checkBridgeOptions } from '../bridge/bridge-options';
import { findEventEmitter } from './find-event-emitter';
import { HooklineLifecycle } from './hookline-lifecycle';
import { loadApiParts, loadDashboardParts } from './load-api-parts';
import { HOOKLINE_RUNTIME } from './tokens';
import {
  ConfigurableWebhooksModule,
  WEBHOOKS_ASYNC_OPTIONS_TYPE,
  WEBHOOKS_MODULE_OPTIONS,
  WEBHOOKS_OPTIONS_TYPE,
  type WebhooksModuleExtras,
} from './webhooks.module-definition';
import type { WebhooksModuleOptions } from './webhooks-module-options';

const PUBLIC_SERVICES = [
  { provide: WebhookPublisher, useFactory: (runtime: HooklineRuntime) => runtime.publisher, inject: [HOOKLINE_RUNTIME] },
  { provide: WebhookSubscriptions, useFactory: (runtime: HooklineRuntime) => runtime.subscriptions, inject: [HOOKLINE_RUNTIME] },
  { provide: WebhookDeliveries, useFactory: (runtime: HooklineRuntime) => runtime.deliveries, inject: [HOOKLINE_RUNTIME] },
  { provide: WebhookMessages, useFactory: (runtime: HooklineRuntime) => runtime.messages, inject: [HOOKLINE_RUNTIME] },
  { provide: WebhookApiKeys, useFactory: (runtime: HooklineRuntime) => runtime.apiKeys, inject: [HOOKLINE_RUNTIME] },
  { provide: WebhookStats, useFactory: (runtime: HooklineRuntime) => runtime.stats, inject: [HOOKLINE_RUNTIME] },
];
const PUBLIC_TOKENS = PUBLIC_SERVICES.map((service) => service.provide);

const INTERNAL_SERVICES = [
  { provide: TestEventSender, useFactory: (runtime: HooklineRuntime) => runtime.testEvents, inject: [HOOKLINE_RUNTIME] },
];

/**
 * Outbound webhooks for a Nest app: `WebhooksModule.forRoot(options)` or `forRootAsync(...)`.
 * The host owns the TypeORM DataSource; the module registers its entities on it, and mounts
 * the REST API unless `api.enabled` is false, and the dashboard beside it.
 */
@Module({})
export class WebhooksModule extends ConfigurableWebhooksModule {
  static forRoot(options: typeof WEBHOOKS_OPTIONS_TYPE): DynamicModule {
    return WebhooksModule.withProviders(super.forRoot(options), options);
  }

  static forRootAsync(options: typeof WEBHOOKS_ASYNC_OPTIONS_TYPE): DynamicModule {
    return WebhooksModule.withProviders(super.forRootAsync(options), options);
  }

  private static withProviders(base: DynamicModule, extras: WebhooksModuleExtras): DynamicModule {
    const dataSourceName = extras.dataSource;
    const apiOptions = resolveApiOptions(extras.api);
    const api = loadApiParts(apiOptions, WebhooksModule);
    const dashboard = loadDashboardParts(resolveDashboardOptions(extras.dashboard, apiOptions));
    const runtime: Provider = {
      provide: HOOKLINE_RUNTIME,
      useFactory: (options: WebhooksModuleOptions, dataSource: DataSource, moduleRef: ModuleRef) => {
        checkBridgeOptions(options.bridge);
        return new HooklineRuntime(options, dataSource, new Logger('Hookline'), findEventEmitter(moduleRef));
      },
      inject: [WEBHOOKS_MODULE_OPTIONS, getDataSourceToken(dataSourceName), ModuleRef],
    };
    return {
      ...base,
      imports: [...(base.imports ?? []), TypeOrmModule.forFeature(HOOKLINE_ENTITIES, dataSourceName), ...api.imports, ...dashboard],
      controllers: [...(base.controllers ?? []), ...api.controllers],
      providers: [...(base.providers ?? []), runtime, ...PUBLIC_SERVICES, ...INTERNAL_SERVICES, HooklineLifecycle, ...api.providers],
      exports: [...(base.exports ?? []), HOOKLINE_RUNTIME, ...PUBLIC_TOKENS],
    };
  }
}
