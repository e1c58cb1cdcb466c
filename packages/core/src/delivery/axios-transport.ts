import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import type { LookupFunction } from 'node:net';
import axios from 'axios';
import { AgentPool } from './agent-pool';
import { portOf } from './allowlist-entry';
import { guardedLookupsByPort } from './guarded-lookup';
import { runAttempt, streamedExchange } from './run-attempt';
import { resolveTransportOptions, type Transport, type TransportOptions } from './transport';

/**
 * Every socket of `agent` resolves through the guard for the port it connects to (an allowedHosts
 * entry may open one port only). Set on the options the agent connects with, after request
 * options are merged in, so nothing per request can swap the lookup out.
 */
function connectingThroughGuard<A extends http.Agent>(agent: A, protocol: string, lookupFor: (port: number) => LookupFunction): A {
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => connect({ ...options, lookup: lookupFor(portOf(protocol, options.port ?? undefined)) }, callback);
  return agent;
}

/** The default transport: axios over keep-alive agents whose sockets resolve through the SSRF guard. */
export function createAxiosTransport(options: TransportOptions = {}): Transport {
  const { maxSockets } = resolveTransportOptions(options);
  const client = axios.create();
  const agents = new AgentPool(
    (delivery) => {
      const lookupFor = guardedLookupsByPort(delivery);
      const agentOptions = { keepAlive: true, maxSockets };
      return {
        http: connectingThroughGuard(new http.Agent(agentOptions), 'http:', lookupFor),
        https: connectingThroughGuard(new https.Agent(agentOptions), 'https:', lookupFor),
      };
    },
    (pair) => {
      pair.http.destroy();
      pair.https.destroy();
    },
  );
  return {
    send: (request, delivery) =>
      runAttempt(
        request,
        delivery,
        streamedExchange(async ({ url, headers, body }, signal) => {
          const pair = agents.get(delivery);
          const response = await client.request<Readable>({
            url,
            method: 'POST',
            headers,
            data: body,
            signal,
            httpAgent: pair.http,
            httpsAgent: pair.https,
            // An env proxy would make the proxy, not the guard, choose where the socket goes.
            proxy: false,
            maxRedirects: 0,
            validateStatus: () => true,
            responseType: 'stream',
            decompress: true,
            // The default transform re-serialises JSON strings, which would break the signature.
            transformRequest: [(data: unknown) => data],
            transformResponse: [(data: unknown) => data],
          });
          return { statusCode: response.status, headers: response.headers as Record<string, unknown>, body: response.data };
        }),
      ),
    close: () => agents.close(),
  };
}
