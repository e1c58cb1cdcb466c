import type * as Undici from 'undici';
import { AgentPool } from './agent-pool';
import { remembered } from '../memo/bounded-memo';
import { CappedResponseHandler } from './capped-response-handler';
import { MAX_TIMEOUT_MS } from './delivery-options';
import { portOf } from './allowlist-entry';
import { guardedLookupsByPort } from './guarded-lookup';
import { runAttempt, type Exchange } from './run-attempt';
import { resolveTransportOptions, type Transport, type TransportOptions } from './transport';

function loadUndici(): typeof Undici {
  // Loaded on first use: a host on the axios transport never pays for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('undici') as typeof Undici;
}

// Subscription URLs repeat: each is split into origin and path once.
const URL_PARTS_LIMIT = 10_000;
const MAX_PORTS = 65_536;

/**
 * The same contract as the axios transport on undici's pool, for throughput-bound deployments.
 * Requests go through `dispatch` with a handler that keeps the capped body (see
 * CappedResponseHandler), not through `request`, whose streams and signals cost as much as the
 * exchange on a fast receiver.
 */
export function createUndiciTransport(options: TransportOptions = {}): Transport {
  const { maxSockets } = resolveTransportOptions(options);
  const { Agent, buildConnector } = loadUndici();
  const agents = new AgentPool(
    (delivery) => {
      const lookupFor = guardedLookupsByPort(delivery);
      const connectors = new Map<string, Undici.buildConnector.connector>();
      // The guard must know the port (an allowedHosts entry may open one only), and undici's
      // connector is told it. The attempt's own timer is the authority: undici's 10 s connect
      // default must not pre-empt it.
      const connect: Undici.buildConnector.connector = (options, callback) => {
        const port = portOf(options.protocol, options.port);
        remembered(connectors, String(port), MAX_PORTS, () => buildConnector({ lookup: lookupFor(port), timeout: MAX_TIMEOUT_MS }))(options, callback);
      };
      return new Agent({ connections: maxSockets, connect });
    },
    (agent) => agent.close(),
  );
  const urlParts = new Map<string, { origin: string; path: string }>();
  const partsOf = (href: string): { origin: string; path: string } =>
    remembered(urlParts, href, URL_PARTS_LIMIT, () => {
      const url = new URL(href);
      return { origin: url.origin, path: `${url.pathname}${url.search}` };
    });
  return {
    send: (deliveryRequest, delivery) => {
      const exchange: Exchange = ({ url, headers, body }, context) =>
        new Promise((resolve, reject) => {
          const { origin, path } = partsOf(url);
          const handler = new CappedResponseHandler(context, resolve, reject);
          agents.get(delivery).dispatch({ origin, path, method: 'POST', headers, body }, handler);
        });
      return runAttempt(deliveryRequest, delivery, exchange);
    },
    close: () => agents.close(),
  };
}
