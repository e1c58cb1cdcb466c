export * from './delivery-outcome';
export { UnsafeUrlError } from './unsafe-url-error';
export { DeliveryConfigError } from './delivery-config-error';
export { HostAllowlist } from './host-allowlist';
export { classifyAddress, assertSafeUrl, type UnsafeAddressReason, type UrlGuardOptions } from './ssrf-guard';
export { assertUnambiguousUrl } from './url-spelling';
export { assertSafeUrlResolved } from './assert-safe-url-resolved';
export { createGuardedLookup, type GuardedLookupOptions } from './guarded-lookup';
export {
  resolveDeliveryOptions,
  DEFAULT_TIMEOUT_MS,
  MAX_TIMEOUT_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  MAX_RESPONSE_BYTES,
  DEFAULT_USER_AGENT,
  type DeliveryOptions,
  type ResolvedDeliveryOptions,
  type LookupFunction,
} from './delivery-options';
export { DEFAULT_MAX_SOCKETS, type DeliveryRequest, type Transport, type TransportOptions } from './transport';
export { runAttempt, type Exchange, type AttemptContext } from './run-attempt';
export type { ResponseHead } from './attempt-outcome';
export type { CappedBody } from './read-capped-body';
export { createAxiosTransport } from './axios-transport';
export { createUndiciTransport } from './undici-transport';
export { createDeliverer, deliver, type Deliverer, type DelivererOptions } from './deliverer';
