import type { Provider } from '@nestjs/common';
import { getOptionsToken, getStorageToken, ThrottlerStorageService, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { ResolvedApiOptions } from '../api-options';
import { ApiRateLimitGuard, tenantTracker } from './api-rate-limit.guard';

/**
 * What ThrottlerGuard injects, provided inside WebhooksModule and not exported: the host's own
 * ThrottlerModule, if any, keeps its settings and the API keeps its own.
 */
export function rateLimitProviders(api: ResolvedApiOptions): Provider[] {
  const rateLimit = api.rateLimit;
  const options: ThrottlerModuleOptions = rateLimit
    ? {
        throttlers: [
          { name: 'default', limit: rateLimit.limit, ttl: rateLimit.ttlMs },
          // No X-RateLimit-*-tenant headers on every answer; a refusal still gets Retry-After.
          { name: 'tenant', limit: rateLimit.perTenant.limit, ttl: rateLimit.perTenant.ttlMs, getTracker: tenantTracker, setHeaders: false },
        ],
      }
    : { throttlers: [{ name: 'default', limit: 1, ttl: 1 }], skipIf: () => true };
  return [
    { provide: getOptionsToken(), useValue: options },
    rateLimit && rateLimit.storage
      ? { provide: getStorageToken(), useValue: rateLimit.storage }
      : { provide: getStorageToken(), useClass: ThrottlerStorageService },
    ApiRateLimitGuard,
  ];
}
