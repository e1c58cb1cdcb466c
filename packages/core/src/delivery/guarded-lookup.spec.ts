import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { assertSafeUrlResolved } from './assert-safe-url-resolved';
import { createGuardedLookup } from './guarded-lookup';
import { HostAllowlist } from './host-allowlist';
import { UnsafeUrlError } from './unsafe-url-error';

// A DNS stand-in: no resolver is asked and no socket is opened anywhere in this file.
function fakeDns(answers: Record<string, string[]>): jest.Mock & LookupFunction {
  return jest.fn((hostname: string, _options: unknown, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
    const found = answers[hostname];
    const error = found ? null : Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    process.nextTick(callback, error, (found ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  });
}

function resolveWith(lookup: LookupFunction, hostname: string, all: boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    lookup(hostname, { all }, (error, address, family) => (error ? reject(error) : resolve(all ? address : { address, family })));
  });
}

describe('createGuardedLookup', () => {
  const dns = fakeDns({
    'hooks.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'internal.example': ['10.0.0.5'],
    'mixed.example': ['93.184.215.14', '169.254.169.254'],
    'dev.test': ['127.0.0.1'],
    'compat.example': ['::7f00:1'],
    'metadata.google.internal': ['169.254.169.254'],
    'imds.dev.test': ['::a9fe:a9fe'],
  });
  const guarded = (allowed: string[] = []): LookupFunction => createGuardedLookup({ lookup: dns, allowedHosts: HostAllowlist.from(allowed) });

  it('passes public answers through in the shape the socket asked for', async () => {
    await expect(resolveWith(guarded(), 'hooks.example', true)).resolves.toHaveLength(2);
    await expect(resolveWith(guarded(), 'hooks.example', false)).resolves.toEqual({ address: '93.184.215.14', family: 4 });
  });

  it('always asks DNS for every address, since the socket may fall back to any of them', async () => {
    await resolveWith(guarded(), 'hooks.example', false);
    expect(dns).toHaveBeenLastCalledWith('hooks.example', expect.objectContaining({ all: true }), expect.any(Function));
  });

  it('refuses a hostname resolving to a private address', async () => {
    await expect(resolveWith(guarded(), 'internal.example', false)).rejects.toThrow(/10\.0\.0\.5 \(internal\.example resolves to it\).*private/);
  });

  it('refuses when any one answer is internal', async () => {
    await expect(resolveWith(guarded(), 'mixed.example', true)).rejects.toBeInstanceOf(UnsafeUrlError);
  });

  it('lets the allowlist exempt a hostname or its address', async () => {
    await expect(resolveWith(guarded(['dev.test']), 'dev.test', false)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(resolveWith(guarded(['127.0.0.0/8']), 'dev.test', true)).resolves.toHaveLength(1);
  });

  it('judges an IPv4-compatible IPv6 answer by the IPv4 address it embeds', async () => {
    await expect(resolveWith(guarded(), 'compat.example', true)).rejects.toThrow(/::7f00:1 \(compat\.example resolves to it\).*loopback/);
  });

  it('refuses a cloud metadata service even where the allowlist names it or opens its range', async () => {
    await expect(resolveWith(guarded(['metadata.google.internal']), 'metadata.google.internal', false)).rejects.toThrow(/cloud metadata/);
    await expect(resolveWith(guarded(['imds.dev.test', '169.254.0.0/16']), 'imds.dev.test', false)).rejects.toThrow(/cloud metadata/);
  });

  it('opens an allowlisted host:port only for sockets to that port', async () => {
    const onPort = (port?: number) => createGuardedLookup({ lookup: dns, allowedHosts: HostAllowlist.from(['127.0.0.1:3000']), port });
    await expect(resolveWith(onPort(3000), 'dev.test', false)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(resolveWith(onPort(22), 'dev.test', false)).rejects.toThrow(/loopback/);
    await expect(resolveWith(onPort(), 'dev.test', false)).rejects.toThrow(/loopback/);
  });

  it('passes DNS failures through untouched', async () => {
    await expect(resolveWith(guarded(), 'nowhere.example', false)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});

describe('assertSafeUrlResolved', () => {
  const lookup = fakeDns({ 'hooks.example': ['93.184.215.14'], 'rebind.example': ['127.0.0.1'] });

  it('accepts a hostname whose every address is public', async () => {
    await expect(assertSafeUrlResolved('https://hooks.example/in', { lookup })).resolves.toBeInstanceOf(URL);
  });

  it('refuses a hostname resolving to loopback', async () => {
    await expect(assertSafeUrlResolved('https://rebind.example/', { lookup })).rejects.toThrow(/loopback/);
  });

  it('refuses an unresolvable hostname as unusable', async () => {
    await expect(assertSafeUrlResolved('https://nowhere.example/', { lookup })).rejects.toThrow(/does not resolve \(ENOTFOUND\)/);
  });

  it('does not resolve IP literals, and still refuses internal ones', async () => {
    await expect(assertSafeUrlResolved('https://[fe80::1]/', { lookup })).rejects.toThrow(/linkLocal/);
    await expect(assertSafeUrlResolved('https://8.8.8.8/', { lookup })).resolves.toBeInstanceOf(URL);
    expect(lookup).not.toHaveBeenCalledWith('8.8.8.8', expect.anything(), expect.anything());
  });
});
