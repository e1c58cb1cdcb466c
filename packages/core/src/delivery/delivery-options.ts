import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { DeliveryConfigError } from './delivery-config-error';
import { HostAllowlist } from './host-allowlist';

export type { LookupFunction };

/** How one attempt is made; every field has a safe default. */
export interface DeliveryOptions {
  /** Covers connect, headers and the whole (capped) body. Default 15 000, at most 30 000. */
  timeoutMs?: number;
  /** Bytes of response body kept for the attempt log; the rest is discarded unread. Default 64 KiB. */
  maxResponseBytes?: number;
  /** Accept plain http:// URLs. Default false: only for local development. */
  allowHttp?: boolean;
  /** Hostnames, IP literals or CIDRs (`'127.0.0.0/8'`) exempt from the private-address rule. */
  allowedHosts?: readonly string[];
  /** DNS resolution, injectable for tests. Default `dns.lookup`, always asked for all addresses. */
  lookup?: LookupFunction;
  userAgent?: string;
}

export interface ResolvedDeliveryOptions {
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly allowHttp: boolean;
  readonly allowedHosts: HostAllowlist;
  readonly lookup: LookupFunction;
  readonly userAgent: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
/** A worker slot held longer than this by one slow receiver starves every other subscription. */
export const MAX_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;
/** The excerpt is for humans reading the attempt log, not for storing responses. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;
export const DEFAULT_USER_AGENT = 'Hookline-Webhooks/1.0';

function fail(option: string, problem: string): never {
  throw new DeliveryConfigError(`Invalid delivery options: ${option} ${problem}.`, { pointer: `/${option}` });
}

function integerIn(value: unknown, option: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(option, `must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Applies defaults and throws a `DeliveryConfigError` naming the first unusable option. */
export function resolveDeliveryOptions(options: DeliveryOptions = {}): ResolvedDeliveryOptions {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES } = options;
  const { allowHttp = false, lookup = dnsLookup as LookupFunction, userAgent = DEFAULT_USER_AGENT } = options;
  if (typeof allowHttp !== 'boolean') fail('allowHttp', 'must be a boolean');
  if (typeof lookup !== 'function') fail('lookup', 'must be a function like dns.lookup');
  if (typeof userAgent !== 'string' || userAgent.trim() === '') fail('userAgent', 'must be a non-empty string');
  return Object.freeze({
    timeoutMs: integerIn(timeoutMs, 'timeoutMs', 1, MAX_TIMEOUT_MS),
    maxResponseBytes: integerIn(maxResponseBytes, 'maxResponseBytes', 0, MAX_RESPONSE_BYTES),
    allowHttp,
    allowedHosts: HostAllowlist.from(options.allowedHosts),
    lookup,
    userAgent,
  });
}
