import type { DeliveryJob, DeliveryQueue } from '../queue/delivery-queue';

export interface EnqueuerLogger {
  warn(message: string): void;
}

/** New deliveries of one subscription, when the caller knows it: their jobs then name it (DeliveryJob.subscriptionIds). */
export interface SubscriptionDeliveries {
  subscriptionId: string;
  deliveryIds: string[];
}

/** Deliveries due together later; `subscriptionIds` (all of theirs, when known) go on each of their jobs. */
export interface LaterGroup {
  deliveryIds: string[];
  delayMs: number;
  subscriptionIds?: string[];
}

interface Waiting {
  groups: { subscriptionId?: string; deliveryIds: string[] }[];
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
    return this.enqueueGroups([{ deliveryIds }], joined);
  }

  /** {@link enqueueNew} for deliveries whose subscriptions are known; groups are kept in order. */
  enqueueNewBySubscription(groups: SubscriptionDeliveries[], joined?: () => void): Promise<void> {
    return this.enqueueGroups(groups, joined);
  }

  private enqueueGroups(groups: Waiting['groups'], joined: (() => void) | undefined): Promise<void> {
    if (groups.every((group) => group.deliveryIds.length === 0)) {
      joined?.();
      return Promise.resolve();
    }
    return new Promise((done) => {
      this.waiting.push({ groups, done });
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
    const jobs = cutIntoJobs(waiting.flatMap((w) => w.groups), this.batchSize);
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
  async enqueueLater(groups: LaterGroup[], tag: string): Promise<void> {
    const jobs: DeliveryJob[] = [];
    for (const { deliveryIds, delayMs, subscriptionIds } of groups) {
      for (let start = 0; start < deliveryIds.length; start += this.batchSize) {
        const ids = deliveryIds.slice(start, start + this.batchSize);
        jobs.push({ deliveryIds: ids, key: `${ids[0]}:${tag}`, delayMs, ...(subscriptionIds && { subscriptionIds }) });
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

/**
 * Cuts groups, in order, into jobs of `batchSize` first attempts; a job names its subscriptions
 * only if every group in it knew its own.
 */
function cutIntoJobs(groups: Waiting['groups'], batchSize: number): DeliveryJob[] {
  const jobs: DeliveryJob[] = [];
  let ids: string[] = [];
  let subscriptions: Set<string> | undefined = new Set();
  const close = () => {
    if (ids.length === 0) return;
    jobs.push({ deliveryIds: ids, key: `${ids[0]}:0`, ...(subscriptions && { subscriptionIds: [...subscriptions] }) });
    ids = [];
    subscriptions = new Set();
  };
  for (const { subscriptionId, deliveryIds } of groups) {
    for (let start = 0; start < deliveryIds.length; ) {
      const taken = deliveryIds.slice(start, start + batchSize - ids.length);
      ids.push(...taken);
      start += taken.length;
      if (subscriptionId === undefined) subscriptions = undefined;
      else subscriptions?.add(subscriptionId);
      if (ids.length === batchSize) close();
    }
  }
  close();
  return jobs;
}
