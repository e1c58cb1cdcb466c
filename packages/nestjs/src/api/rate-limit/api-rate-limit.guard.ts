import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { getApiCaller } from '../auth/api-caller';
import { RateLimitedError } from '../errors/api-errors';

/**
 * @nestjs/throttler's guard, counting per caller (API key) across every route rather than per
 * route and IP: seed 001's limit is per key. ThrottlerGuard sets `Retry-After` before throwing.
 */
@Injectable()
export class ApiRateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, any>): Promise<string> {
    const caller = getApiCaller(request);
    return caller?.id ?? `tenant:${caller?.tenant}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `hookline-api:${throttlerName}:${tracker}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new RateLimitedError(
      `Rate limit exceeded: at most ${detail.limit} requests per ${detail.ttl} ms for this API key. Retry after ${detail.timeToBlockExpire} s.`,
    );
  }
}
