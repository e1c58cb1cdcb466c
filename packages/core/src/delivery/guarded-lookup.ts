import type { LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { remembered } from '../memo/bounded-memo';
import type { HostAllowlist } from './host-allowlist';
import { unsafeAddressError } from './ssrf-guard';

export interface GuardedLookupOptions {
  lookup: LookupFunction;
  allowedHosts: HostAllowlist;
  /** The port the socket goes to: allowedHosts entries naming another port do not open it. */
  port?: number;
}

const PORTS = 65_536;

function toList(resolved: string | LookupAddress[], family?: number): LookupAddress[] {
  if (Array.isArray(resolved)) return resolved;
  return resolved ? [{ address: resolved, family: family ?? isIP(resolved) }] : [];
}

/**
 * A `lookup` for sockets that refuses internal addresses. Installed on the connection itself,
 * so the address checked is the address connected to: no window for DNS rebinding between a
 * check and the request. Every answer must be safe, not just the first, because the socket
 * may fall back to any of them.
 */
export function createGuardedLookup({ lookup, allowedHosts, port }: GuardedLookupOptions): LookupFunction {
  return (hostname, dnsOptions, callback) => {
    lookup(hostname, { ...dnsOptions, all: true }, (error, resolved, family) => {
      if (error) return callback(error, '');
      const addresses = toList(resolved, family);
      if (addresses.length === 0) {
        return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }), '');
      }
      for (const { address } of addresses) {
        const refusal = unsafeAddressError(hostname, address, allowedHosts, port);
        if (refusal) return callback(refusal, '');
      }
      if (dnsOptions.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * Guarded lookups per destination port, for transports that learn the port only when a socket
 * connects (Node's `lookup` is never told it).
 */
export function guardedLookupsByPort(options: Omit<GuardedLookupOptions, 'port'>): (port: number) => LookupFunction {
  const byPort = new Map<string, LookupFunction>();
  return (port) => remembered(byPort, String(port), PORTS, () => createGuardedLookup({ ...options, port }));
}
