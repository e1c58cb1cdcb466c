import { matchesAnyFilter } from '@hookline/core';
import type { BridgeOptions } from './bridge-options';
import type { HooklineLogger, OperationalEvents, PublishResult, WebhookPublisher } from '@hookline/engine';

/** The part of EventEmitter2 the bridge uses. */
export interface AnyListenerEmitter {
  onAny(listener: (event: string | string[], ...values: unknown[]) => unknown): unknown;
  offAny(listener: (event: string | string[], ...values: unknown[]) => unknown): unknown;
}

/**
 * Publishes host events emitted on Nest's EventEmitter. With `emitAsync` the host awaits the
 * publish and sees its error; with `emit` a failure is logged and re-emitted as
 * `hookline.publish.failed`, never swallowed.
 */
export class EventBridge {
  private readonly listener = (event: string | string[], ...values: unknown[]) => this.onEvent(event, values[0]);

  constructor(
    private readonly options: BridgeOptions,
    private readonly publisher: WebhookPublisher,
    private readonly events: OperationalEvents,
    private readonly logger: HooklineLogger,
  ) {}

  attach(emitter: AnyListenerEmitter): void {
    emitter.onAny(this.listener);
  }

  detach(emitter: AnyListenerEmitter): void {
    emitter.offAny(this.listener);
  }

  private onEvent(event: string | string[], payload: unknown): Promise<PublishResult> | undefined {
    const name = Array.isArray(event) ? event.join('.') : event;
    if (typeof name !== 'string' || name.startsWith('hookline.') || !matchesAnyFilter(this.options.events, name)) return undefined;
    const publishing = this.publish(name, payload);
    // The promise is returned for emitAsync callers; plain emit callers never see it, so log here too.
    publishing.catch((error: Error) => {
      this.logger.error(`Publishing emitted event "${name}" failed: ${error.message}`);
      this.events.emit('publish.failed', { event: name, error: error.message, code: (error as { code?: string }).code });
    });
    return publishing;
  }

  private async publish(name: string, payload: unknown): Promise<PublishResult> {
    const o = this.options;
    return this.publisher.publish(name, o.data ? o.data(payload, name) : payload, {
      tenant: o.tenant(payload, name),
      idempotencyKey: o.idempotencyKey?.(payload, name),
      orderingKey: o.orderingKey?.(payload, name),
      channels: o.channels?.(payload, name),
      manager: o.manager?.(payload, name),
    });
  }
}
