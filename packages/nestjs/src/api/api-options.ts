import type { CanActivate, ModuleMetadata, Type } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { WebhooksConfigError } from '@hookline/engine';
import { resolveMetricsOptions, type ResolvedMetricsOptions, type WebhooksMetricsOptions } from '../operations/metrics-options';

/**
 * The REST API's options. They are a module *extra*, read when the module is defined (they
 * decide which controllers exist and where), so with `forRootAsync` they sit beside
 * `useFactory`, not in what it returns:
 *
 * ```ts
 * WebhooksModule.forRootAsync({ useFactory: (config) => ({ ... }), inject: [ConfigService], api: { prefix: 'v1' } })
 * ```
 */
export interface WebhooksApiOptions {
  /** Mount the REST API (default true). Turn it off in worker-only processes. */
  enabled?: boolean;
  /** Path of every route after the app's global prefix (default `v1`, as seed 001). */
  prefix?: string;
  /**
   * Replaces API-key authentication with the host's own guard. The guard resolves the caller
   * and calls `setApiCaller(request, { tenant, scope, id })` before returning true; returning
   * false or setting no caller answers 401. Its dependencies must be global providers or come
   * from `imports`.
   */
  guard?: Type<CanActivate>;
  /** Modules providing the host guard's dependencies. */
  imports?: ModuleMetadata['imports'];
  /**
   * Requests each caller (API key) may make per window; beyond it the API answers 429 with
   * `Retry-After`. Default 6 per 1000 ms, as seed 001. `perTenant`: requests all of one tenant's
   * keys may make together, so more keys do not mean more capacity; default 20 per 1000 ms.
   * `failedAuth`: failed authentications
   * per client address (`request.ip`, so set Express's `trust proxy` behind a proxy) before its
   * further failures get 429 too; default 10 per 60000 ms. `storage` shares counts between
   * processes (any @nestjs/throttler storage); the default counts in this process. `false` turns it off.
   */
  rateLimit?: { limit?: number; ttlMs?: number; perTenant?: RateLimitWindow; failedAuth?: RateLimitWindow; storage?: ThrottlerStorage } | false;
  /** Largest request body accepted, in bytes (default 64 KiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Serve the OpenAPI document at `/{prefix}/openapi.json` and Swagger UI at `/{prefix}/docs` (default true). */
  docs?: boolean;
  /** `/{prefix}/health` (database, queue, sweeper) for load balancers; default true. */
  health?: boolean;
  /** Prometheus metrics at `/{prefix}/metrics`; default off. `{ token }` requires `Authorization: Bearer <token>`. */
  metrics?: WebhooksMetricsOptions | boolean;
}

export interface RateLimitWindow {
  limit?: number;
  ttlMs?: number;
}

export interface ResolvedApiOptions {
  enabled: boolean;
  prefix: string;
  guard?: Type<CanActivate>;
  imports: NonNullable<ModuleMetadata['imports']>;
  rateLimit:
    | { limit: number; ttlMs: number; perTenant: Required<RateLimitWindow>; failedAuth: Required<RateLimitWindow>; storage?: ThrottlerStorage }
    | false;
  maxBodyBytes: number;
  docs: boolean;
  health: boolean;
  metrics: ResolvedMetricsOptions;
}

/** Defaults applied and checked once, when the module is defined. */
export function resolveApiOptions(api: WebhooksApiOptions = {}): ResolvedApiOptions {
  const prefix = (api.prefix ?? 'v1').replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$|^$/.test(prefix)) {
    throw new WebhooksConfigError(`api.prefix "${api.prefix}" must be a URL path such as "v1" or "webhooks/v1".`, { pointer: '/api/prefix' });
  }
  const rateLimit =
    api.rateLimit === false
      ? false
      : {
          ...rateLimitWindow(api.rateLimit, { limit: 6, ttlMs: 1_000 }, '/api/rateLimit'),
          perTenant: rateLimitWindow(api.rateLimit?.perTenant, { limit: 20, ttlMs: 1_000 }, '/api/rateLimit/perTenant'),
          failedAuth: rateLimitWindow(api.rateLimit?.failedAuth, { limit: 10, ttlMs: 60_000 }, '/api/rateLimit/failedAuth'),
          storage: api.rateLimit?.storage,
        };
  return {
    enabled: api.enabled ?? true,
    prefix,
    guard: api.guard,
    imports: api.imports ?? [],
    rateLimit,
    maxBodyBytes: positiveInt(api.maxBodyBytes ?? 64 * 1024, '/api/maxBodyBytes'),
    docs: api.docs ?? true,
    health: api.health ?? true,
    metrics: resolveMetricsOptions(api.metrics),
  };
}

function rateLimitWindow(given: RateLimitWindow | undefined, defaults: Required<RateLimitWindow>, pointer: string): Required<RateLimitWindow> {
  return {
    limit: positiveInt(given?.limit ?? defaults.limit, `${pointer}/limit`),
    ttlMs: positiveInt(given?.ttlMs ?? defaults.ttlMs, `${pointer}/ttlMs`),
  };
}

function positiveInt(value: number, pointer: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new WebhooksConfigError(`${pointer} must be a positive integer, got ${String(value)}.`, { pointer });
  }
  return value;
}
