import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { DeliveryJob, DeliveryJobHandler, DeliveryQueue, QueueCounts } from '../delivery-queue';
import { type QueueLogger, stderrQueueLogger } from '../queue-logger';
import { QueueStateError } from '../queue-state-error';
import { waitAtMost } from '../wait-at-most';
import { assertWorkerConcurrency } from '../worker-concurrency';
import { BULLMQ_QUEUE_DEFAULTS, type BullMqQueueOptions } from './bullmq-queue-options';
import { ActiveJobs } from './active-jobs';
import { closeRedis } from './close-redis';
import { awaitConnectionAttempt } from './connection-attempt';
import { DELIVERY_JOB_NAME, type DeliveryJobData, deliveryJobData, deliveryJobOptions } from './delivery-job-options';
import { producerConnectionOptions, workerConnectionOptions } from './redis-connection-options';

/** How long an enqueue waits for a connection attempt in progress (the first, after start-up). */
const CONNECTION_ATTEMPT_WAIT_MS = 1_000;

interface RunningWorker {
  worker: Worker<DeliveryJobData>;
  active: ActiveJobs;
}

/**
 * The scale-out queue driver: BullMQ on Redis, workers in any number of processes. It opens
 * its own connections (a fail-fast one for producing, a patient one per worker) and closes
 * them all in {@link BullMqQueue.close}.
 */
export class BullMqQueue implements DeliveryQueue {
  readonly driver = 'bullmq' as const;

  private readonly options: BullMqQueueOptions;
  private readonly prefix: string;
  private readonly queueName: string;
  private readonly logger: QueueLogger;
  private readonly producer: Redis;
  private readonly queue: Queue<DeliveryJobData>;
  private running?: RunningWorker;
  private closed = false;

  constructor(options: BullMqQueueOptions) {
    this.options = options;
    this.prefix = options.prefix ?? BULLMQ_QUEUE_DEFAULTS.prefix;
    this.queueName = options.queueName ?? BULLMQ_QUEUE_DEFAULTS.queueName;
    this.logger = options.logger ?? stderrQueueLogger;
    this.producer = new Redis(producerConnectionOptions(options.connection, this.connectionName('producer')));
    this.queue = new Queue<DeliveryJobData>(this.queueName, {
      connection: this.producer,
      prefix: this.prefix,
      // Without these, a Queue built while Redis is down waits for it forever, or fails for
      // good when its start-up INFO is refused; with them every call just fails fast.
      skipWaitingForReady: true,
      skipVersionCheck: true,
    });
    this.queue.on('error', (error) => this.logger.error(`Delivery queue ${this.queueName}: producer Redis error.`, error));
  }

  async enqueue(jobs: DeliveryJob[]): Promise<void> {
    this.assertOpen();
    if (jobs.length === 0) return;
    await awaitConnectionAttempt(this.producer, CONNECTION_ATTEMPT_WAIT_MS);
    await this.queue.addBulk(
      jobs.map((job) => ({ name: DELIVERY_JOB_NAME, data: deliveryJobData(job), opts: deliveryJobOptions(job) })),
    );
  }

  /** Starts a BullMQ worker; it connects in the background, so a Redis outage does not block start-up. */
  async startWorker(handler: DeliveryJobHandler, options: { concurrency: number }): Promise<void> {
    this.assertOpen();
    assertWorkerConcurrency(options.concurrency);
    if (this.running) throw new QueueStateError(`The worker of delivery queue ${this.queueName} is already running; stop it first.`);
    const active = new ActiveJobs();
    const worker = new Worker<DeliveryJobData>(
      this.queueName,
      async (job) => {
        active.add(String(job.id));
        await handler(job.data.ids, job.data.subs);
      },
      {
        connection: workerConnectionOptions(this.options.connection, this.connectionName('worker')),
        prefix: this.prefix,
        concurrency: options.concurrency,
        autorun: true,
      },
    );
    // Listening is also what keeps these events from throwing: an unheard 'error' would crash.
    worker.on('error', (error) => this.logger.error(`Delivery queue ${this.queueName}: worker error.`, error));
    worker.on('completed', (job) => active.settle(String(job.id)));
    worker.on('failed', (job, error) => {
      if (job) active.settle(String(job.id));
      this.logFailedJob(job, error);
    });
    this.running = { worker, active };
  }

  async stopWorker(graceMs: number): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    // BullMQ's graceful close() can wait forever (on a blocking connection that never came up,
    // on a stuck handler) and cannot be hurried once called, and a waiting pause() reconnects
    // when its jobs finish, racing any close. So: stop fetching, wait (at most graceMs) until
    // our jobs' outcomes are written, then close without waiting. A handler still running
    // finishes on its own; its job's lock lapses and the database decides about its deliveries.
    await running.worker.pause(true);
    await waitAtMost(running.active.whenIdle(), graceMs);
    await running.worker.close(true);
  }

  async counts(): Promise<QueueCounts> {
    const counts = await this.queue.getJobCounts('waiting', 'delayed', 'active');
    return { waiting: counts.waiting ?? 0, delayed: counts.delayed ?? 0, active: counts.active ?? 0 };
  }

  /** Closes the worker without waiting for running handlers (see stopWorker), the queue and every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.stopWorker(0);
    await this.queue.close();
    await closeRedis(this.producer);
  }

  private logFailedJob(job: Job<DeliveryJobData> | undefined, error: Error): void {
    const attempts = job?.opts.attempts ?? 1;
    const made = job?.attemptsMade ?? attempts;
    if (made < attempts) {
      this.logger.warn(`Delivery job ${job?.id} failed (attempt ${made} of ${attempts}); BullMQ retries it.`, error);
    } else {
      this.logger.error(`Delivery job ${job?.id} failed for good; the sweeper will re-enqueue its deliveries.`, error);
    }
  }

  /** Names connections in CLIENT LIST, so an operator can tell whose they are. */
  private connectionName(role: 'producer' | 'worker'): string {
    // CLIENT SETNAME refuses spaces.
    return `${this.prefix}:${this.queueName}:${role}`.replace(/\s/g, '_');
  }

  private assertOpen(): void {
    if (this.closed) throw new QueueStateError(`Delivery queue ${this.queueName} is closed; create a new one.`);
  }
}
