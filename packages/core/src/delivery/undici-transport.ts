import type * as Undici from 'undici';
import { AgentPool } from './agent-pool';
import { MAX_TIMEOUT_MS } from './delivery-options';
import { createGuardedLookup } from './guarded-lookup';
import { runAttempt } from './run-attempt';
import { resolveTransportOptions, type Transport, type TransportOptions } from './transport';

function loadUndici(): typeof Undici {
  // undici is optional: loading it only here keeps @hookline/core usable without it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('undici') as typeof Undici;
}

/** The same contract as the axios transport on undici's pool, for throughput-bound deployments. */
export function createUndiciTransport(options: TransportOptions = {}): Transport {
  const { maxSockets } = resolveTransportOptions(options);
  const { Agent, request } = loadUndici();
  const agents = new AgentPool(
    (delivery) =>
      new Agent({
        connections: maxSockets,
        // The attempt's own timer is the authority; undici's 10 s connect default must not pre-empt it.
        connect: { lookup: createGuardedLookup(delivery), timeout: MAX_TIMEOUT_MS },
      }),
    (agent) => agent.close(),
  );
  return {
    send: (deliveryRequest, delivery) =>
      runAttempt(deliveryRequest, delivery, async ({ url, headers, body }, signal) => {
        const response = await request(url, { dispatcher: agents.get(delivery), method: 'POST', headers, body, signal });
        return { statusCode: response.statusCode, headers: response.headers, body: response.body };
      }),
    close: () => agents.close(),
  };
}
