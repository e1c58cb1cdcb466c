/** Names of the events Hookline emits about itself, prefixed `hookline.` on Nest's EventEmitter. */
export type OperationalEventName =
  | 'delivery.exhausted'
  | 'delivery.blocked'
  | 'endpoint.failing'
  | 'endpoint.recovered'
  | 'endpoint.disabled'
  | 'publish.failed';

export interface OperationalEvents {
  emit(name: OperationalEventName, payload: Record<string, unknown>): void;
}

export const OPERATIONAL_EVENT_PREFIX = 'hookline.';

/** Sends operational events to an EventEmitter2-like emitter when the host has one. */
export function operationalEventsVia(emitter?: { emit(event: string, ...values: unknown[]): boolean }): OperationalEvents {
  return { emit: (name, payload) => void emitter?.emit(`${OPERATIONAL_EVENT_PREFIX}${name}`, payload) };
}
