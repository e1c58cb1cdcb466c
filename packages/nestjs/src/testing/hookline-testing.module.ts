import { Module, type DynamicModule } from '@nestjs/common';
import { HooklineTestKit, type TestKitOptions } from '@hookline/engine/testing';
import type { HooklineRuntime } from '@hookline/engine';
import { getHooklineRuntimeToken } from '../module/tokens';
import { WebhooksModule } from '../module/webhooks.module';
import type { WEBHOOKS_OPTIONS_TYPE } from '../module/webhooks.module-definition';
import { getHooklineTestKitToken } from './hookline-test-kit.tokens';

/** WebhooksModule.forRoot's options, plus where the test clock starts. */
export type HooklineTestingModuleOptions = typeof WEBHOOKS_OPTIONS_TYPE & TestKitOptions;

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
    const webhooks = WebhooksModule.forRoot(kit.options(moduleOptions));
    const kitProvider = {
      provide: getHooklineTestKitToken(options.name),
      useFactory: (runtime: HooklineRuntime) => kit.attach(runtime),
      inject: [getHooklineRuntimeToken(options.name)],
    };
    return { module: HooklineTestingModule, global: true, imports: [webhooks], providers: [kitProvider], exports: [webhooks, kitProvider.provide] };
  }
}
