import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { portOf } from './allowlist-entry';
import { isCloudMetadata } from './cloud-metadata';
import { HostAllowlist, normalizeHost } from './host-allowlist';
import { judgedAddress } from './judged-address';
import { UnsafeUrlError } from './unsafe-url-error';

type AddressRange = ReturnType<ipaddr.IPv4['range']> | ReturnType<ipaddr.IPv6['range']>;

/** Why an address is refused: the ipaddr.js range it falls in, or `invalid`. */
export type UnsafeAddressReason = Exclude<AddressRange, 'unicast'> | 'invalid';

export interface UrlGuardOptions {
  /** Accept plain http:// (local development only). */
  allowHttp?: boolean;
  /** Hostnames, IP literals or CIDRs exempt from the private-address rule. */
  allowedHosts?: readonly string[] | HostAllowlist;
}

const ALLOW_HOST_HINT = "For local development add the host, IP or a CIDR to allowedHosts (e.g. ['127.0.0.1']).";

/**
 * `public` only for globally routable unicast addresses. Everything ipaddr.js puts in a special
 * range is refused, including 6to4, Teredo and NAT64 prefixes wholesale: they tunnel to an
 * embedded IPv4 that may be private, and no legitimate webhook receiver needs them.
 */
export function classifyAddress(ip: string): 'public' | UnsafeAddressReason {
  const host = normalizeHost(ip).replace(/%.*$/, '');
  if (!isIP(host)) return 'invalid';
  // An IPv6 spelling of an IPv4 address (::ffff:127.0.0.1, ::127.0.0.1) is judged as the IPv4 it is.
  const range = judgedAddress(host).range();
  return range === 'unicast' ? 'public' : range;
}

/** The refusal for connecting to `address` (on `port`) on behalf of `hostname`, or undefined when allowed. */
export function unsafeAddressError(hostname: string, address: string, allowlist: HostAllowlist, port?: number): UnsafeUrlError | undefined {
  const via = normalizeHost(hostname) === normalizeHost(address) ? '' : ` (${hostname} resolves to it)`;
  if (isCloudMetadata(hostname) || isCloudMetadata(address)) return cloudMetadataError(`${address}${via}`);
  if (allowlist.allowsHost(hostname, port) || allowlist.allowsAddress(address, port)) return undefined;
  const verdict = classifyAddress(address);
  if (verdict === 'public') return undefined;
  return new UnsafeUrlError(
    `Refusing to deliver to ${address}${via}: it is in the ${verdict} range, not a public address. ${ALLOW_HOST_HINT}`,
  );
}

function cloudMetadataError(target: string): UnsafeUrlError {
  return new UnsafeUrlError(
    `Refusing to deliver to ${target}: it is a cloud metadata service, which no allowedHosts entry can open. Use the address of the receiver itself.`,
  );
}

// Credentials, paths and queries may hold secrets, so messages only ever show the origin.
function origin(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * Checks what can be known without DNS: scheme, credentials, IP-literal hosts and `localhost`
 * names. Returns the parsed URL; hostnames still need `assertSafeUrlResolved` or the guarded lookup.
 */
export function assertSafeUrl(url: string | URL, options: UrlGuardOptions = {}): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsafeUrlError('Refusing an invalid webhook URL: it must be an absolute https:// URL.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new UnsafeUrlError(`Refusing ${parsed.protocol} URL: webhooks are delivered over https:// only.`);
  }
  if (parsed.protocol === 'http:' && !options.allowHttp) {
    throw new UnsafeUrlError(
      `Refusing ${origin(parsed)}: plain http:// is not allowed. Use https://, or set allowHttp: true for local development.`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new UnsafeUrlError(`Refusing ${origin(parsed)} with user:password@ in it: send credentials in a header instead.`);
  }
  const allowlist = HostAllowlist.from(options.allowedHosts);
  const host = normalizeHost(parsed.hostname);
  const port = portOf(parsed.protocol, parsed.port);
  if (isIP(host)) {
    const refusal = unsafeAddressError(host, host, allowlist, port);
    if (refusal) throw refusal;
  } else if (isCloudMetadata(host)) {
    throw cloudMetadataError(origin(parsed));
  } else if ((host === 'localhost' || host.endsWith('.localhost')) && !allowlist.allowsHost(host, port)) {
    throw new UnsafeUrlError(`Refusing ${origin(parsed)}: ${host} always means this machine. ${ALLOW_HOST_HINT}`);
  }
  return parsed;
}
