import { performance } from 'node:perf_hooks';
import { failureOutcome } from './attempt-outcome';
import { createAxiosTransport } from './axios-transport';
import type { DeliveryOutcome } from './delivery-outcome';
import { resolveDeliveryOptions, type DeliveryOptions } from './delivery-options';
import type { DeliveryRequest, Transport, TransportOptions } from './transport';

export interface DelivererOptions extends DeliveryOptions, TransportOptions {
  /** Owned by the caller when given; otherwise an axios transport owned by the deliverer. */
  transport?: Transport;
}

/** Sends one attempt; resolves with an outcome for every delivery failure, never rejects for one. */
export type Deliverer = ((request: DeliveryRequest) => Promise<DeliveryOutcome>) & {
  /** Closes the transport if the deliverer created it. */
  close(): Promise<void>;
};

/** Validates options once (throwing `DeliveryConfigError`) and returns the send function. */
export function createDeliverer(options: DelivererOptions = {}): Deliverer {
  const { transport: given, maxSockets, ...deliveryOptions } = options;
  const resolved = resolveDeliveryOptions(deliveryOptions);
  const transport = given ?? createAxiosTransport({ maxSockets });
  const send = async (request: DeliveryRequest): Promise<DeliveryOutcome> => {
    const startedAt = performance.now();
    try {
      return await transport.send(request, resolved);
    } catch (error) {
      // A third-party transport may still throw; the caller is promised an outcome.
      const durationMs = Math.round(performance.now() - startedAt);
      return failureOutcome(error, { timedOut: false, timeoutMs: resolved.timeoutMs, durationMs });
    }
  };
  return Object.assign(send, { close: () => (given ? Promise.resolve() : transport.close()) });
}

/** One attempt with a throwaway connection pool; prefer `createDeliverer` for more than one. */
export async function deliver(request: DeliveryRequest, options: DelivererOptions = {}): Promise<DeliveryOutcome> {
  const deliverer = createDeliverer(options);
  try {
    return await deliverer(request);
  } finally {
    await deliverer.close();
  }
}
