import type { EntityManager } from 'typeorm';
import { WebhooksConfigError } from '@hookline/engine';

export interface BridgeOptions {
  /** EventEmitter event names to publish as webhooks; wildcards such as `points.*` or `*`. */
  events: string[];
  /** Which tenant an emitted payload belongs to. */
  tenant: (payload: any, eventName: string) => string;
  /** The webhook `data`; the whole payload when omitted. */
  data?: (payload: any, eventName: string) => unknown;
  idempotencyKey?: (payload: any, eventName: string) => string | undefined;
  /** The publish's ordering key, e.g. the customer id: that customer's events reach each subscriber in order. */
  orderingKey?: (payload: any, eventName: string) => string | undefined;
  channels?: (payload: any, eventName: string) => string[] | undefined;
  /** The host transaction's EntityManager carried in the payload, for the outbox. */
  manager?: (payload: any, eventName: string) => EntityManager | undefined;
}

/** Checks the shape early, so a typo fails at start-up rather than on the first emit. */
export function checkBridgeOptions(bridge: BridgeOptions | undefined): void {
  if (bridge && (!Array.isArray(bridge.events) || typeof bridge.tenant !== 'function')) {
    throw new WebhooksConfigError('`bridge` needs `events` (a list of names or wildcards) and a `tenant(payload)` function.', {
      pointer: '/bridge',
    });
  }
}
