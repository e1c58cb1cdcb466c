import type { DeliveryJob, DeliveryJobHandler, DeliveryQueue, QueueCounts } from '../delivery-queue';
import { type QueueLogger, stderrQueueLogger } from '../queue-logger';
import { QueueStateError } from '../queue-state-error';
import { waitAtMost } from '../wait-at-most';
import { assertWorkerConcurrency } from '../worker-concurrency';

/** Options of the {@link InProcessQueue}. */
export interface InProcessQueueOptions {
  /** Receives failing handlers; defaults to stderr. */
  logger?: QueueLogger;
  /**
   * When more jobs are ready than handlers are free, one handler takes several jobs' deliveries
   * at once, up to this many (default 1: never). A backlog of small jobs (single publishes) then
   * costs one claim per run instead of one per delivery.
   */
  mergeUpTo?: number;
}

interface Worker {
  handler: DeliveryJobHandler;
  concurrency: number;
}

/**
 * The queue driver that needs no services: timers and a FIFO in this process. Nothing here is
 * durable, and need not be: the rows are in the database and the sweeper re-enqueues what a
 * crash or a failing handler dropped.
 */
export class InProcessQueue implements DeliveryQueue {
  readonly driver = 'in-process' as const;

  private readonly logger: QueueLogger;
  private readonly mergeUpTo: number;
  /** Keys of every job waiting, delayed or running: the window in which a key dedupes. */
  private readonly keys = new Set<string>();
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private readonly ready: DeliveryJob[] = [];
  private readonly running = new Set<Promise<void>>();
  private worker?: Worker;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(options: InProcessQueueOptions = {}) {
    this.logger = options.logger ?? stderrQueueLogger;
    this.mergeUpTo = options.mergeUpTo ?? 1;
  }

  async enqueue(jobs: DeliveryJob[]): Promise<void> {
    this.assertOpen();
    for (const job of jobs) {
      if (this.keys.has(job.key)) continue;
      this.keys.add(job.key);
      if (job.delayMs !== undefined && job.delayMs > 0) {
        this.delay(job, job.delayMs);
      } else {
        this.ready.push(job);
      }
    }
    this.pump();
  }

  async startWorker(handler: DeliveryJobHandler, options: { concurrency: number }): Promise<void> {
    this.assertOpen();
    assertWorkerConcurrency(options.concurrency);
    if (this.worker) throw new QueueStateError('The in-process queue worker is already running; stop it first.');
    this.worker = { handler, concurrency: options.concurrency };
    this.pump();
  }

  async stopWorker(graceMs: number): Promise<void> {
    this.worker = undefined;
    // Handlers never reject (failures are logged in run()), so allSettled only waits.
    await waitAtMost(Promise.allSettled([...this.running]), graceMs);
  }

  async counts(): Promise<QueueCounts> {
    return { waiting: this.ready.length, delayed: this.delayed.size, active: this.running.size };
  }

  /**
   * Resolves once no job is waiting or running (delayed jobs do not count). The one hook the test
   * kit's drain() needs: it waits for the queue to settle instead of polling counts() on a timer.
   * Rejects when jobs are ready but no worker runs: they would wait forever.
   */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    if (!this.worker) return Promise.reject(new QueueStateError('Jobs are waiting but no worker is running on the in-process queue: start the worker (hookline.start()) first.'));
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.worker = undefined;
    for (const timer of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
    this.ready.length = 0;
    this.keys.clear();
    this.wakeIdleWaiters();
  }

  private isIdle(): boolean {
    return this.running.size === 0 && this.ready.length === 0;
  }

  private wakeIdleWaiters(): void {
    if (!this.isIdle() || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  private delay(job: DeliveryJob, delayMs: number): void {
    const timer = setTimeout(() => {
      this.delayed.delete(job.key);
      this.ready.push(job);
      this.pump();
    }, delayMs);
    // A pending retry must not keep a process alive that has nothing else to do.
    timer.unref();
    this.delayed.set(job.key, timer);
  }

  private pump(): void {
    const worker = this.worker;
    while (worker && !this.closed && this.running.size < worker.concurrency && this.ready.length > 0) {
      const free = worker.concurrency - this.running.size;
      // Spread a backlog over the free handlers rather than leave it to wait for one each.
      const share = Math.ceil(this.ready.length / free);
      const jobs = [this.ready.shift()!];
      let size = jobs[0].deliveryIds.length;
      while (jobs.length < share && this.ready.length > 0 && size + this.ready[0].deliveryIds.length <= this.mergeUpTo) {
        const job = this.ready.shift()!;
        jobs.push(job);
        size += job.deliveryIds.length;
      }
      this.run(worker.handler, jobs);
    }
  }

  private run(handler: DeliveryJobHandler, jobs: DeliveryJob[]): void {
    // The handler starts on a later microtask, so `running` already counts it when a handler
    // that enqueues re-enters pump() synchronously.
    const ids = jobs.length === 1 ? jobs[0].deliveryIds : jobs.flatMap((job) => job.deliveryIds);
    const subscriptionIds = jobs.length === 1 ? jobs[0].subscriptionIds : mergedSubscriptions(jobs);
    const run: Promise<void> = Promise.resolve()
      .then(() => handler(ids, subscriptionIds))
      .catch((error: unknown) => {
        const keys = jobs.map((job) => job.key).join(', ');
        this.logger.error(`Delivery job ${keys} failed; the sweeper will re-enqueue its deliveries.`, error);
      })
      .finally(() => {
        this.running.delete(run);
        for (const job of jobs) this.keys.delete(job.key);
        this.pump();
        this.wakeIdleWaiters();
      });
    this.running.add(run);
  }

  private assertOpen(): void {
    if (this.closed) throw new QueueStateError('The in-process queue is closed; create a new one.');
  }
}

/** The merged jobs' subscriptions; unknown if any one job's are. */
function mergedSubscriptions(jobs: DeliveryJob[]): string[] | undefined {
  if (jobs.some((job) => !job.subscriptionIds)) return undefined;
  return [...new Set(jobs.flatMap((job) => job.subscriptionIds!))];
}
