import { HttpException } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ResolvedApiOptions } from '../api-options';
import { RateLimitedError, UnauthenticatedError } from '../errors/api-errors';

/** What the limiter reads from a request and writes to its response (Express and Fastify alike). */
export interface ClientExchange {
  request: { ip?: string; socket?: { remoteAddress?: string } };
  response: { header(name: string, value: string): unknown };
}

/**
 * Counts failed authentications per client address, in the same @nestjs/throttler storage as
 * the per-key limit. Authentication runs before the per-key limiter (there is no key to count
 * yet), so without this a client could try keys as fast as it can send them.
 */
export class FailedAuthLimiter {
  constructor(
    private readonly storage: ThrottlerStorage,
    private readonly rateLimit: ResolvedApiOptions['rateLimit'],
  ) {}

  /** Records one failed authentication; past the limit, answers 429 with `Retry-After` instead of `failure`. */
  async refuse({ request, response }: ClientExchange, failure: unknown): Promise<never> {
    // An outage while checking a key (the database is down) is no failed guess.
    const rejected = failure instanceof UnauthenticatedError || (failure instanceof HttpException && failure.getStatus() === 401);
    if (!this.rateLimit || !rejected) throw failure;
    const { limit, ttlMs } = this.rateLimit.failedAuth;
    const address = request.ip ?? request.socket?.remoteAddress ?? 'unknown';
    const record = await this.storage.increment(`hookline-api:failed-auth:${address}`, ttlMs, limit, ttlMs, 'failed-auth');
    if (!record.isBlocked) throw failure;
    response.header('Retry-After', String(record.timeToBlockExpire));
    throw new RateLimitedError(
      `Too many failed authentications from this address (at most ${limit} per ${ttlMs} ms). Check the API key, then retry after ${record.timeToBlockExpire} s.`,
    );
  }
}
