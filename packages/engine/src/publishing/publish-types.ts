import type { EntityManager } from 'typeorm';
import type { TraceContext } from '../tracing/trace-context';

export interface PublishOptions {
  tenant: string;
  /** A repeat with the same key (per tenant) returns the first message and creates nothing. */
  idempotencyKey?: string;
  /** The host's transactional EntityManager: the message commits or rolls back with the host's work. */
  manager?: EntityManager;
  /** Only subscriptions sharing one of these channels (or having none) receive the message. */
  channels?: string[];
  /**
   * Deliveries with the same key to the same subscription are attempted strictly in publish order:
   * each waits until the one before it is delivered or has failed for good (see `ordering.onFailure`).
   * Different keys, and messages without one, go in parallel. E.g. a customer id.
   */
  orderingKey?: string;
  /**
   * The W3C trace context to store and send with every attempt, for hosts that propagate it
   * without OpenTelemetry (or to continue another trace than the active one). A malformed
   * `traceparent` is dropped, as the W3C rules say; without it, the active OpenTelemetry context is used.
   */
  traceContext?: TraceContext;
}

export interface PublishInput extends Omit<PublishOptions, 'manager'> {
  type: string;
  data: unknown;
}

export interface PublishResult {
  messageId: string;
  deliveryCount: number;
  /** True when the idempotency key matched an earlier message; nothing new was created. */
  duplicate: boolean;
}
