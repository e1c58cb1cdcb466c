import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { HOOKLINE_ENTITIES, HooklineRuntime } from '@hookline/engine';
import type { DataSource } from 'typeorm';
import { checkBridgeOptions } from '../bridge/bridge-options';
import { findEventEmitter } from './find-event-emitter';
import { HooklineLifecycle } from './hookline-lifecycle';
import { getHooklineRuntimeToken, getServiceToken, PUBLIC_SERVICES, type PublicServiceName } from './tokens';
import { WEBHOOKS_MODULE_OPTIONS, type WebhooksModuleExtras } from './webhooks.module-definition';
import type { WebhooksModuleOptions } from './webhooks-module-options';

const RUNTIME_PROPERTY: Record<PublicServiceName, keyof HooklineRuntime> = {
  WebhookPublisher: 'publisher',
  WebhookSubscriptions: 'subscriptions',
  WebhookDeliveries: 'deliveries',
  WebhookMessages: 'messages',
  WebhookApiKeys: 'apiKeys',
  WebhookPortal: 'portal',
  WebhookStats: 'stats',
};

/**
 * One Hookline instance in a Nest app: its options, its runtime on the host's DataSource, the
 * services the host injects (under `getWebhookPublisherToken(name)` and the like) and the
 * lifecycle that starts and stops it. The API and dashboard modules import it.
 */
@Module({})
export class WebhooksCoreModule {
  /** `options` is ConfigurableModuleBuilder's module: the options provider (from forRoot or forRootAsync) and the host's imports. */
  static create(options: DynamicModule, extras: WebhooksModuleExtras): DynamicModule {
    const runtimeToken = getHooklineRuntimeToken(extras.name);
    const runtime: Provider = {
      provide: runtimeToken,
      useFactory: (moduleOptions: WebhooksModuleOptions, dataSource: DataSource, moduleRef: ModuleRef) => {
        checkBridgeOptions(moduleOptions.bridge);
        return new HooklineRuntime(moduleOptions, dataSource, new Logger(extras.name ? `Hookline:${extras.name}` : 'Hookline'), findEventEmitter(moduleRef));
      },
      inject: [WEBHOOKS_MODULE_OPTIONS, getDataSourceToken(extras.dataSource), ModuleRef],
    };
    const services = (Object.keys(PUBLIC_SERVICES) as PublicServiceName[]).map((service) => ({
      provide: getServiceToken(service, extras.name),
      useFactory: (instance: HooklineRuntime) => instance[RUNTIME_PROPERTY[service]],
      inject: [runtimeToken],
    }));
    const lifecycle: Provider = {
      provide: HooklineLifecycle,
      useFactory: (instance: HooklineRuntime, moduleRef: ModuleRef, moduleOptions: WebhooksModuleOptions) => new HooklineLifecycle(instance, moduleRef, moduleOptions),
      inject: [runtimeToken, ModuleRef, WEBHOOKS_MODULE_OPTIONS],
    };
    return {
      ...options,
      module: WebhooksCoreModule,
      imports: [...(options.imports ?? []), TypeOrmModule.forFeature(extras.entities ?? HOOKLINE_ENTITIES, extras.dataSource)],
      providers: [...(options.providers ?? []), runtime, ...services, lifecycle],
      exports: [runtimeToken, ...services.map((service) => service.provide)],
    };
  }
}
