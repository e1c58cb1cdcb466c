import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { portOf } from './allowlist-entry';
import { createGuardedLookup } from './guarded-lookup';
import { HostAllowlist, normalizeHost } from './host-allowlist';
import { assertSafeUrl, type UrlGuardOptions } from './ssrf-guard';
import { UnsafeUrlError } from './unsafe-url-error';

/**
 * `assertSafeUrl` plus DNS: every address the hostname resolves to must be public. For
 * subscription-time checks; send time re-checks on the connection itself, since DNS can change.
 */
export async function assertSafeUrlResolved(
  url: string | URL,
  options: UrlGuardOptions & { lookup?: LookupFunction } = {},
): Promise<URL> {
  const parsed = assertSafeUrl(url, options);
  const host = normalizeHost(parsed.hostname);
  if (isIP(host)) return parsed;
  const lookup = createGuardedLookup({
    lookup: options.lookup ?? (dnsLookup as LookupFunction),
    allowedHosts: HostAllowlist.from(options.allowedHosts),
    port: portOf(parsed.protocol, parsed.port),
  });
  await new Promise<void>((resolve, reject) => {
    lookup(host, { all: true }, (error) => {
      if (!error) resolve();
      else if (error instanceof UnsafeUrlError) reject(error);
      else {
        const why = error.code ?? error.message;
        reject(new UnsafeUrlError(`Refusing ${parsed.protocol}//${parsed.host}: ${host} does not resolve (${why}).`, { cause: error }));
      }
    });
  });
  return parsed;
}
