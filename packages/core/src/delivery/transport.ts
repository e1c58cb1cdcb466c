import type { DeliveryOutcome } from './delivery-outcome';
import { DeliveryConfigError } from './delivery-config-error';
import type { ResolvedDeliveryOptions } from './delivery-options';

/** One webhook POST. `content-type` defaults to application/json; the body is sent byte for byte. */
export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The HTTP port: a transport never throws for a failed attempt, it reports it in the outcome. */
export interface Transport {
  send(request: DeliveryRequest, options: ResolvedDeliveryOptions): Promise<DeliveryOutcome>;
  /** Closes pooled connections; the host application calls it on shutdown. */
  close(): Promise<void>;
}

export interface TransportOptions {
  /** Concurrent connections per origin. Default 256. */
  maxSockets?: number;
}

export const DEFAULT_MAX_SOCKETS = 256;

export function resolveTransportOptions(options: TransportOptions = {}): Required<TransportOptions> {
  const { maxSockets = DEFAULT_MAX_SOCKETS } = options;
  if (!Number.isInteger(maxSockets) || maxSockets < 1) {
    throw new DeliveryConfigError(`Invalid transport options: maxSockets must be a positive integer, got ${String(maxSockets)}.`, {
      pointer: '/maxSockets',
    });
  }
  return { maxSockets };
}
