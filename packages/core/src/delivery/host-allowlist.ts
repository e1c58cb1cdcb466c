import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { splitAllowlistEntry } from './allowlist-entry';
import { DeliveryConfigError } from './delivery-config-error';
import { judgedAddress } from './judged-address';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** What an entry opens: a range or a hostname, on every port or on `port` only. */
type Opening<T> = { target: T; port?: number };

const HOSTNAME = /^[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?$/;

/** `[::1]` and `Example.COM.` name the same hosts as `::1` and `example.com`. */
export function normalizeHost(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();
}

function parseRange(entry: string, index: number): Range | undefined {
  try {
    if (entry.includes('/')) return ipaddr.parseCIDR(entry);
    if (isIP(entry)) {
      const address = judgedAddress(entry);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    }
  } catch (cause) {
    throw new DeliveryConfigError(`Invalid delivery options: allowedHosts[${index}] "${entry}" is not a valid CIDR.`, {
      pointer: `/allowedHosts/${index}`,
      cause,
    });
  }
  return undefined;
}

/**
 * Hosts, IP literals and CIDRs exempt from the private-address rule, each on every port or, as
 * `host:port`, on one: for tests and local development, where the receiver really is on
 * 127.0.0.1 or a private network. A check that does not know the port only passes entries
 * without one.
 */
export class HostAllowlist {
  /** Stable identity of the list, so connection pools are never shared across different lists. */
  readonly key: string;

  private constructor(
    readonly entries: readonly string[],
    private readonly hosts: readonly Opening<string>[],
    private readonly ranges: readonly Opening<Range>[],
  ) {
    this.key = entries.join(',');
  }

  static from(allowed: readonly string[] | HostAllowlist = []): HostAllowlist {
    if (allowed instanceof HostAllowlist) return allowed;
    if (!Array.isArray(allowed)) {
      throw new DeliveryConfigError('Invalid delivery options: allowedHosts must be an array of hostnames, IPs or CIDRs.', {
        pointer: '/allowedHosts',
      });
    }
    const hosts: Opening<string>[] = [];
    const ranges: Opening<Range>[] = [];
    allowed.forEach((raw: unknown, index) => {
      const { host, port } = splitAllowlistEntry(typeof raw === 'string' ? raw.trim() : '');
      const entry = normalizeHost(host);
      const range = parseRange(entry, index);
      if (range) ranges.push({ target: range, port });
      else if (HOSTNAME.test(entry)) hosts.push({ target: entry, port });
      else {
        throw new DeliveryConfigError(
          `Invalid delivery options: allowedHosts[${index}] must be a hostname, an IP or a CIDR like '127.0.0.0/8', optionally with a port ('127.0.0.1:3000', '[::1]:8080'), got ${JSON.stringify(raw)}.`,
          { pointer: `/allowedHosts/${index}` },
        );
      }
    });
    return new HostAllowlist(Object.freeze([...allowed]), hosts, ranges);
  }

  allowsHost(hostname: string, port?: number): boolean {
    const host = normalizeHost(hostname);
    return this.hosts.some((opening) => opening.target === host && opens(opening, port));
  }

  allowsAddress(address: string, port?: number): boolean {
    const host = normalizeHost(address);
    if (!isIP(host)) return false;
    const parsed = judgedAddress(host);
    return this.ranges.some(
      (opening) => opens(opening, port) && opening.target[0].kind() === parsed.kind() && parsed.match(opening.target[0], opening.target[1]),
    );
  }
}

function opens(opening: Opening<unknown>, port: number | undefined): boolean {
  return opening.port === undefined || opening.port === port;
}
