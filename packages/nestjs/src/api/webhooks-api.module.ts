import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { TestEventSender, type HooklineRuntime } from '@hookline/engine';
import { HOOKLINE_RUNTIME } from '../module/tokens';
import { apiModuleParts } from './api-module-parts';
import type { ResolvedApiOptions } from './api-options';

/**
 * The REST API of the default Hookline instance, mounted under `api.prefix`; it imports that
 * instance's core module, whose services its controllers inject. (RouterModule keeps one path
 * per module class, which is why a named instance mounts no API of its own.)
 */
@Module({})
export class WebhooksApiModule {
  static register(api: ResolvedApiOptions, core: DynamicModule): DynamicModule {
    const parts = apiModuleParts(api);
    const testEvents: Provider = { provide: TestEventSender, useFactory: (runtime: HooklineRuntime) => runtime.testEvents, inject: [HOOKLINE_RUNTIME] };
    return {
      module: WebhooksApiModule,
      imports: [core, ...parts.imports, ...(api.prefix ? [RouterModule.register([{ path: api.prefix, module: WebhooksApiModule }])] : [])],
      controllers: parts.controllers,
      providers: [...parts.providers, testEvents],
    };
  }
}
