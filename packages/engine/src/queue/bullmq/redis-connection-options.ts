import type { ConnectionOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';

/**
 * How to reach Redis: `{ host, port, password?, db? }` for the common case, any ioredis option
 * (TLS, username, family…) for the rest. See `bullMqConnectionFromUrl` for URLs.
 */
export type BullMqConnectionOptions = RedisOptions;

const MAX_RECONNECT_DELAY_MS = 5_000;

/**
 * The default `retryStrategy` of every connection: reconnect forever with a capped backoff, so
 * a restarted Redis heals without restarting the app; the cap bounds how long a recovered
 * worker stays idle (and how often an outage is logged).
 */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt, 16), MAX_RECONNECT_DELAY_MS);
}

/**
 * The producer never queues commands while disconnected: `enqueue` must reject at once so the
 * caller moves on and the sweeper delivers later, instead of a request hanging on Redis.
 */
export function producerConnectionOptions(base: BullMqConnectionOptions, connectionName: string): RedisOptions {
  return {
    ...base,
    retryStrategy: base.retryStrategy ?? reconnectDelayMs,
    connectionName,
    enableOfflineQueue: false,
    lazyConnect: false,
    // An enqueue caught in flight by a disconnect fails too, rather than waiting for a reconnect.
    maxRetriesPerRequest: 0,
  };
}

/** The worker waits out outages instead: BullMQ requires it of its blocking connection. */
export function workerConnectionOptions(base: BullMqConnectionOptions, connectionName: string): ConnectionOptions {
  return {
    ...base,
    retryStrategy: base.retryStrategy ?? reconnectDelayMs,
    connectionName,
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
  };
}
