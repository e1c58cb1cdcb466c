import type { DeliveryJob, DeliveryJobHandler, DeliveryQueue, QueueCounts } from '../delivery-queue';
import { type QueueLogger, stderrQueueLogger } from '../queue-logger';
import { QueueStateError } from '../queue-state-error';
import { waitAtMost } from '../wait-at-most';
import { assertWorkerConcurrency } from '../worker-concurrency';

/** Options of the {@link InProcessQueue}. */
export interface InProcessQueueOptions {
  /** Receives failing handlers; defaults to stderr. */
  logger?: QueueLogger;
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
  /** Keys of every job waiting, delayed or running: the window in which a key dedupes. */
  private readonly keys = new Set<string>();
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private readonly ready: DeliveryJob[] = [];
  private readonly running = new Set<Promise<void>>();
  private worker?: Worker;
  private closed = false;

  constructor(options: InProcessQueueOptions = {}) {
    this.logger = options.logger ?? stderrQueueLogger;
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

  async close(): Promise<void> {
    this.closed = true;
    this.worker = undefined;
    for (const timer of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
    this.ready.length = 0;
    this.keys.clear();
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
      this.run(worker.handler, this.ready.shift()!);
    }
  }

  private run(handler: DeliveryJobHandler, job: DeliveryJob): void {
    // The handler starts on a later microtask, so `running` already counts it when a handler
    // that enqueues re-enters pump() synchronously.
    const run: Promise<void> = Promise.resolve()
      .then(() => handler(job.deliveryIds))
      .catch((error: unknown) => {
        this.logger.error(`Delivery job ${job.key} failed; the sweeper will re-enqueue its deliveries.`, error);
      })
      .finally(() => {
        this.running.delete(run);
        this.keys.delete(job.key);
        this.pump();
      });
    this.running.add(run);
  }

  private assertOpen(): void {
    if (this.closed) throw new QueueStateError('The in-process queue is closed; create a new one.');
  }
}
