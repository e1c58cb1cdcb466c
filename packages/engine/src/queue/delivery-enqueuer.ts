import type { DeliveryJob, DeliveryQueue } from '../queue/delivery-queue';

export interface EnqueuerLogger {
  warn(message: string): void;
}

interface Waiting {
  deliveryIds: string[];
  done(): void;
}

/**
 * Decides how delivery ids travel: a publish batch's first attempts in jobs of `batchSize`
 * (one queue round trip per batch instead of per delivery), each retry as its own delayed job.
 * New deliveries published while an enqueue is in flight travel together in the next one, so
 * many small concurrent publishes still make few jobs. An enqueue failure is logged, not thrown:
 * the rows are committed and the sweeper will find them.
 */
export class DeliveryEnqueuer {
  private waiting: Waiting[] = [];
  private sending = false;
  /** Publishes writing their rows now, whose deliveries will come here next. */
  private writing = 0;
  private lingering?: NodeJS.Timeout;

  /**
   * `windowMs`: while other publishes are still writing their rows, new deliveries wait for them,
   * at most this long, so concurrent single publishes share a job (and its claim and outcome
   * write). A publish with none beside it (an idle host, a caller in a loop) never waits.
   */
  constructor(
    private readonly queue: DeliveryQueue,
    private readonly batchSize: number,
    private readonly logger: EnqueuerLogger,
    private readonly windowMs = 0,
  ) {}

  /**
   * Announces a publish about to write its rows; the returned function says it is done: pass it
   * to enqueueNew, or call it when the write failed.
   */
  announce(): () => void {
    this.writing += 1;
    let settled = false;
    return () => {
      if (settled) return;
      settled = true;
      this.writing -= 1;
      // The last publish the lingering job waited for has joined it: no need to wait longer.
      if (this.writing === 0 && this.lingering) this.sendNow();
    };
  }

  /**
   * Resolves once the deliveries are on the queue (or the failure was logged). `joined` (from
   * announce) is called once they wait for their job, so a job waits only for other publishes.
   */
  enqueueNew(deliveryIds: string[], joined?: () => void): Promise<void> {
    if (deliveryIds.length === 0) {
      joined?.();
      return Promise.resolve();
    }
    return new Promise((done) => {
      this.waiting.push({ deliveryIds, done });
      joined?.();
      this.sendWaiting();
    });
  }

  private sendWaiting(): void {
    if (this.sending || this.lingering || this.waiting.length === 0) return;
    if (this.windowMs > 0 && this.writing > 0) {
      this.lingering = setTimeout(() => this.sendNow(), this.windowMs);
      return;
    }
    this.send();
  }

  private sendNow(): void {
    clearTimeout(this.lingering);
    this.lingering = undefined;
    if (!this.sending && this.waiting.length > 0) this.send();
  }

  private send(): void {
    const waiting = this.waiting;
    this.waiting = [];
    const ids = waiting.flatMap((w) => w.deliveryIds);
    const jobs: DeliveryJob[] = [];
    for (let start = 0; start < ids.length; start += this.batchSize) {
      const batch = ids.slice(start, start + this.batchSize);
      jobs.push({ deliveryIds: batch, key: `${batch[0]}:0` });
    }
    this.sending = true;
    void this.safely(jobs.length, () => this.queue.enqueue(jobs)).then(() => {
      this.sending = false;
      for (const w of waiting) w.done();
      this.sendWaiting();
    });
  }

  /**
   * `attemptCount` is the attempts already made in the series; with `tag` (e.g. a resend) it
   * keeps each job's key distinct from any earlier job of the same delivery.
   */
  async enqueueRetries(retries: { deliveryId: string; attemptCount: number; delayMs: number; tag?: string }[]): Promise<void> {
    if (retries.length === 0) return;
    const jobs = retries.map((r) => ({
      deliveryIds: [r.deliveryId],
      key: `${r.deliveryId}:${r.attemptCount}${r.tag ? `:${r.tag}` : ''}`,
      delayMs: r.delayMs,
    }));
    await this.safely(jobs.length, () => this.queue.enqueue(jobs));
  }

  /**
   * Deliveries due later (retries, deferrals), in groups due together: each group travels in jobs
   * of `batchSize`, delayed by the group's `delayMs`. `tag` keeps the keys apart from other jobs.
   */
  async enqueueLater(groups: { deliveryIds: string[]; delayMs: number }[], tag: string): Promise<void> {
    const jobs: DeliveryJob[] = [];
    for (const group of groups) {
      for (let start = 0; start < group.deliveryIds.length; start += this.batchSize) {
        const ids = group.deliveryIds.slice(start, start + this.batchSize);
        jobs.push({ deliveryIds: ids, key: `${ids[0]}:${tag}`, delayMs: group.delayMs });
      }
    }
    if (jobs.length > 0) await this.safely(jobs.length, () => this.queue.enqueue(jobs));
  }

  private async safely(count: number, enqueue: () => Promise<void>): Promise<void> {
    try {
      await enqueue();
    } catch (error) {
      this.logger.warn(
        `Could not enqueue ${count} delivery job(s) (${(error as Error).message}); they are committed and the sweeper will re-enqueue them.`,
      );
    }
  }
}
