import type { DataSource } from 'typeorm';
import { HooklineRuntime, type HooklineLogger, type WebhooksModuleOptions } from '@hookline/nestjs';
import { TEST_ENCRYPTION_KEY } from './test-app';
import type { ReceivedRequest } from './receiver';

export const silentLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Options every fault suite shares: loopback receivers, short leases so recovery is quick. */
export function faultOptions(redisUrl: string, prefix: string, overrides: WebhooksModuleOptions = {}): WebhooksModuleOptions {
  return {
    queue: { driver: 'bullmq', connection: redisUrl, prefix },
    encryptionKey: TEST_ENCRYPTION_KEY,
    retry: { schedule: [200, 500, 1000, 2000, 2000, 2000], jitter: 0.1 },
    delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'], timeoutMs: 2_000 },
    // One subscription takes every delivery here: the fairness cap would only slow the drain.
    worker: { concurrency: 10, leaseMarginMs: 1_000, shutdownGraceMs: 2_000, perSubscriptionConcurrency: 100 },
    sweeper: { intervalMs: 300, staleAfterMs: 1_000 },
    // These suites fail endpoints on purpose to test other things; the breaker has its own suite.
    endpointHealth: { enabled: false },
    ...overrides,
  };
}

/** What a fault run delivered, for the assertion and the closing note's table. */
export interface DeliveryTally {
  published: number;
  received: number;
  unique: number;
  duplicates: number;
  lost: number;
}

export function tally(published: Set<string>, receiver: { requests: ReceivedRequest[] }): DeliveryTally {
  const ids = receiver.requests.map((r) => String(r.headers['webhook-id']));
  const unique = new Set(ids);
  const lost = [...published].filter((id) => !unique.has(id)).length;
  return { published: published.size, received: ids.length, unique: unique.size, duplicates: ids.length - unique.size, lost };
}

/** Every delivery id of the runtime's database, and how many are not yet delivered. */
export async function deliveryIds(dataSource: DataSource): Promise<{ all: Set<string>; undelivered: number }> {
  const rows: { id: string; status: string }[] = await dataSource.query('SELECT id, status FROM webhook_delivery');
  return { all: new Set(rows.map((r) => r.id)), undelivered: rows.filter((r) => r.status !== 'delivered').length };
}

export function publisherRuntime(dataSource: DataSource, options: WebhooksModuleOptions, logger: HooklineLogger = silentLogger): HooklineRuntime {
  return new HooklineRuntime({ ...options, worker: { ...options.worker, enabled: false }, sweeper: { enabled: false } }, dataSource, logger);
}

/**
 * Pending deliveries nobody will pick up by themselves: parked without a next attempt, or due
 * for longer than `graceMs` and not claimed. A healthy pipeline leaves none.
 */
export async function strandedDeliveries(dataSource: DataSource, graceMs: number): Promise<string[]> {
  const now = Date.now();
  // Numbers written into the SQL: PostgreSQL's placeholders are $1, MySQL's ?, and these need no escaping.
  const rows: { id: string }[] = await dataSource.query(
    `SELECT id FROM webhook_delivery
      WHERE status = 'pending'
        AND (next_attempt_at IS NULL OR (next_attempt_at < ${Math.trunc(now - graceMs)} AND (locked_until IS NULL OR locked_until < ${now})))`,
  );
  return rows.map((r) => r.id);
}

/** Publishes `count` points.earned messages for `tenant`, `batchSize` per publishMany call, pausing `pauseMs` between calls. */
export async function publishPoints(
  runtime: HooklineRuntime,
  count: number,
  tenant: string,
  { batchSize = 250, pauseMs = 0 }: { batchSize?: number; pauseMs?: number } = {},
): Promise<void> {
  for (let start = 0; start < count; start += batchSize) {
    if (start > 0 && pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    await runtime.publisher.publishMany(
      Array.from({ length: Math.min(batchSize, count - start) }, (_, i) => ({
        type: 'points.earned',
        data: { customer_id: `c${start + i}`, amount: 1 },
        tenant,
      })),
    );
  }
}

/** Runs every clean-up step even when one fails, so no server or process outlives the suite; then throws the first failure. */
export async function cleanUpAll(...steps: (() => unknown)[]): Promise<void> {
  const failures: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
}
