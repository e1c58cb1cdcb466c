import { createServer, type AddressInfo, type Server } from 'node:net';
import type { LookupFunction, Transport } from '@hookline/core';

/** A TCP listener on loopback that only counts connections: the proof that no socket was opened. */
export async function connectionTrap(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A DNS that answers `address` for every name and remembers what it was asked. */
export function fakeDns(address: string): { lookup: LookupFunction; asked: string[] } {
  const asked: string[] = [];
  const family = address.includes(':') ? 6 : 4;
  const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    asked.push(hostname);
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
  return { lookup, asked };
}

/**
 * The module takes no `lookup` option, so the fake DNS goes in through its public `transport`
 * port: a real transport whose resolved options carry the fake lookup, as the deliverer's would.
 */
export function transportResolvingWith(lookup: LookupFunction, inner: Transport): Transport {
  return { send: (request, options) => inner.send(request, { ...options, lookup }), close: () => inner.close() };
}
