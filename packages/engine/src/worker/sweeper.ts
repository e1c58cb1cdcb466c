import type { Clock } from '@hookline/core';
import type { DeliveryQueue } from '../queue/delivery-queue';
import type { DeliveryStore } from '../storage/delivery-store';

export interface SweeperOptions {
  intervalMs: number;
  staleAfterMs: number;
  batchSize: number;
  /** Deliveries per re-enqueued job (the worker's batchSize): a wiped queue comes back in a few claims, not one per delivery. */
  jobSize?: number;
}

export interface SweeperLogger {
  log(message: string): void;
  warn(message: string): void;
}

/**
 * The database is the source of truth: every interval, deliveries that are due, unclaimed and
 * have waited past `staleAfterMs` are put back on the queue. That covers a crash between commit
 * and enqueue, a Redis that lost its data, and a worker killed mid-job (its claim expires).
 */
export class Sweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private runs = 0;
  /** When the last sweep finished, for health checks. */
  lastSweepAt?: Date;

  constructor(
    private readonly store: DeliveryStore,
    private readonly queue: DeliveryQueue,
    private readonly clock: Clock,
    private readonly options: SweeperOptions,
    private readonly logger: SweeperLogger,
  ) {}

  start(): void {
    if (this.timer) return;
    // At start this process has nothing in flight: what is due now was most likely stranded by its
    // last run. Jobs another process still holds are safe: a claim decides who sends.
    void this.sweepSafely(0);
    this.timer = setInterval(() => void this.sweepSafely(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One pass; returns how many deliveries were re-enqueued. Overlapping calls share one pass. */
  sweep(staleAfterMs = this.options.staleAfterMs): Promise<number> {
    this.running ??= this.sweepOnce(staleAfterMs).finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(staleAfterMs: number): Promise<number> {
    const now = this.clock.now();
    const stranded = await this.store.findStranded(now, staleAfterMs, this.options.batchSize);
    this.runs += 1;
    if (stranded.length > 0) {
      // A key unique to this pass: a job kept in the queue's failed set must not block recovery.
      const size = this.options.jobSize ?? 1;
      const jobs = [];
      for (let start = 0; start < stranded.length; start += size) {
        const batch = stranded.slice(start, start + size);
        jobs.push({ deliveryIds: batch.map((d) => d.id), key: `${batch[0].id}:${batch[0].attemptCount}:sweep${now.getTime()}-${this.runs}` });
      }
      await this.queue.enqueue(jobs);
      this.logger.log(`Re-enqueued ${stranded.length} stranded deliveries.`);
    }
    this.lastSweepAt = this.clock.now();
    return stranded.length;
  }

  private async sweepSafely(staleAfterMs?: number): Promise<void> {
    try {
      await this.sweep(staleAfterMs);
    } catch (error) {
      this.logger.warn(`Sweep failed (${(error as Error).message}); the next interval will try again.`);
    }
  }
}
