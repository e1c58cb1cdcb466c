import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { getApiCaller } from '../auth/api-caller';
import { RateLimitedError } from '../errors/api-errors';

/** The per-tenant throttler's tracker: every key of a tenant counts together. */
export function tenantTracker(request: Record<string, any>): string {
  return `tenant:${getApiCaller(request)?.tenant}`;
}

/**
 * @nestjs/throttler's guard, counting per caller (API key) and per tenant across every route
 * rather than per route and IP: seed 001's limit is per key, and a tenant's keys share another.
 */
@Injectable()
export class ApiRateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, any>): Promise<string> {
    const caller = getApiCaller(request);
    return caller?.id ?? tenantTracker(request);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `hookline-api:${throttlerName}:${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // ThrottlerGuard names the header after the throttler (Retry-After-tenant); clients read Retry-After.
    this.setResponseHeader(context.switchToHttp().getResponse(), 'Retry-After', detail.timeToBlockExpire);
    const whose = detail.key.startsWith('hookline-api:tenant:') ? "for all of this tenant's API keys together" : 'for this API key';
    throw new RateLimitedError(
      `Rate limit exceeded: at most ${detail.limit} requests per ${detail.ttl} ms ${whose}. Retry after ${detail.timeToBlockExpire} s.`,
    );
  }
}
