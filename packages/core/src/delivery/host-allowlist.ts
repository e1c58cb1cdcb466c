import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { DeliveryConfigError } from './delivery-config-error';
import { judgedAddress } from './judged-address';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

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
 * Hosts, IP literals and CIDRs exempt from the private-address rule: for tests and local
 * development, where the receiver really is on 127.0.0.1 or a private network.
 */
export class HostAllowlist {
  /** Stable identity of the list, so connection pools are never shared across different lists. */
  readonly key: string;

  private constructor(
    readonly entries: readonly string[],
    private readonly hosts: ReadonlySet<string>,
    private readonly ranges: readonly Range[],
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
    const hosts = new Set<string>();
    const ranges: Range[] = [];
    allowed.forEach((raw: unknown, index) => {
      const entry = typeof raw === 'string' ? normalizeHost(raw.trim()) : '';
      const range = parseRange(entry, index);
      if (range) ranges.push(range);
      else if (HOSTNAME.test(entry)) hosts.add(entry);
      else {
        throw new DeliveryConfigError(
          `Invalid delivery options: allowedHosts[${index}] must be a hostname, an IP or a CIDR like '127.0.0.0/8', got ${JSON.stringify(raw)}.`,
          { pointer: `/allowedHosts/${index}` },
        );
      }
    });
    return new HostAllowlist(Object.freeze([...allowed]), hosts, ranges);
  }

  allowsHost(hostname: string): boolean {
    return this.hosts.has(normalizeHost(hostname));
  }

  allowsAddress(address: string): boolean {
    const host = normalizeHost(address);
    if (!isIP(host)) return false;
    const parsed = judgedAddress(host);
    return this.ranges.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits));
  }
}
