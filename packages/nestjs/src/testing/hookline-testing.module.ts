import { Module, type DynamicModule } from '@nestjs/common';
import { HooklineTestKit, type TestKitOptions } from '@hookline/engine/testing';
import { WebhooksConfigError, type HooklineRuntime } from '@hookline/engine';
import { getHooklineRuntimeToken } from '../module/tokens';
import { WebhooksModule } from '../module/webhooks.module';
import type { WEBHOOKS_ASYNC_OPTIONS_TYPE, WEBHOOKS_OPTIONS_TYPE } from '../module/webhooks.module-definition';
import { getHooklineTestKitToken } from './hookline-test-kit.tokens';

/** WebhooksModule.forRoot's options, plus where the test clock starts. */
export type HooklineTestingModuleOptions = typeof WEBHOOKS_OPTIONS_TYPE & TestKitOptions;
/** WebhooksModule.forRootAsync's options (with `useFactory`), plus where the test clock starts. */
export type HooklineTestingModuleAsyncOptions = typeof WEBHOOKS_ASYNC_OPTIONS_TYPE & TestKitOptions;

/**
 * `WebhooksModule.forRoot(options)` for a host's tests: the same module (REST API, bridge and
 * all), with the kit's clock and recorder in place of time and HTTP, the in-process queue, and
 * the HooklineTestKit injectable (`moduleRef.get(HooklineTestKit)`) for drain() and assertions.
 */
@Module({})
export class HooklineTestingModule {
  static forRoot(options: HooklineTestingModuleOptions): DynamicModule {
    const { clockStart, ...moduleOptions } = options;
    const kit = new HooklineTestKit({ clockStart });
    return HooklineTestingModule.around(WebhooksModule.forRoot(kit.options(moduleOptions)), kit, options.name);
  }

  /** As forRootAsync: the factory's options get the kit's clock, recorder and queue. */
  static forRootAsync(options: HooklineTestingModuleAsyncOptions): DynamicModule {
    const { clockStart, useFactory, ...asyncOptions } = options;
    if (!useFactory) {
      throw new WebhooksConfigError('HooklineTestingModule.forRootAsync takes `useFactory` (with `inject`): the kit puts its parts into the options the factory returns.', { pointer: '/useFactory' });
    }
    const kit = new HooklineTestKit({ clockStart });
    const webhooks = WebhooksModule.forRootAsync({ ...asyncOptions, useFactory: async (...args: unknown[]) => kit.options(await useFactory(...args)) });
    return HooklineTestingModule.around(webhooks, kit, options.name);
  }

  private static around(webhooks: DynamicModule, kit: HooklineTestKit, name: string | undefined): DynamicModule {
    const kitProvider = {
      provide: getHooklineTestKitToken(name),
      useFactory: (runtime: HooklineRuntime) => kit.attach(runtime),
      inject: [getHooklineRuntimeToken(name)],
    };
    return { module: HooklineTestingModule, global: true, imports: [webhooks], providers: [kitProvider], exports: [webhooks, kitProvider.provide] };
  }
}
