import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import axios from 'axios';
import { AgentPool } from './agent-pool';
import { createGuardedLookup } from './guarded-lookup';
import { runAttempt, streamedExchange } from './run-attempt';
import { resolveTransportOptions, type Transport, type TransportOptions } from './transport';

/** The default transport: axios over keep-alive agents whose sockets resolve through the SSRF guard. */
export function createAxiosTransport(options: TransportOptions = {}): Transport {
  const { maxSockets } = resolveTransportOptions(options);
  const client = axios.create();
  const agents = new AgentPool(
    (delivery) => {
      // Agent options override request options, so nothing per request can swap the lookup out.
      const agentOptions = { keepAlive: true, maxSockets, lookup: createGuardedLookup(delivery) };
      return { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
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
