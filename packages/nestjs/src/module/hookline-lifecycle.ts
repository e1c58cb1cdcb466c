import { assertInstalled } from '@hookline/core';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { EventBridge, type AnyListenerEmitter } from '../bridge/event-bridge';
import { type HooklineRuntime, WebhooksConfigError } from '@hookline/engine';
import { findEventEmitter } from './find-event-emitter';
import type { WebhooksModuleOptions } from './webhooks-module-options';

/** Starts the worker, sweeper and bridge once the app is up; stops them gracefully on shutdown. Built by WebhooksCoreModule for its instance. */
export class HooklineLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Hookline');
  private bridge?: { instance: EventBridge; emitter: AnyListenerEmitter };

  constructor(
    private readonly runtime: HooklineRuntime,
    private readonly moduleRef: ModuleRef,
    private readonly options: WebhooksModuleOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const bridgeOptions = this.options.bridge;
    if (bridgeOptions) {
      assertInstalled({ packages: ['@nestjs/event-emitter'], neededFor: 'The EventEmitter bridge (bridge)', pointer: '/bridge' }, require);
      const emitter = findEventEmitter(this.moduleRef) as unknown as AnyListenerEmitter | undefined;
      if (!emitter) {
        throw new WebhooksConfigError('WebhooksModule `bridge` needs EventEmitterModule.forRoot() from @nestjs/event-emitter in the app: add it to the imports.', {
          pointer: '/bridge',
        });
      }
      const instance = new EventBridge(bridgeOptions, this.runtime.publisher, this.runtime.events, this.logger);
      instance.attach(emitter);
      this.bridge = { instance, emitter };
    }
    await this.runtime.start();
    const { queue, worker } = this.runtime.options;
    this.logger.log(`Started (queue: ${queue.driver}, worker: ${worker.enabled ? `on, concurrency ${worker.concurrency}` : 'off'}).`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.bridge) this.bridge.instance.detach(this.bridge.emitter);
    await this.runtime.stop();
  }
}
