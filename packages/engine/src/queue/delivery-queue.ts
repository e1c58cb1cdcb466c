/**
 * The queue port. The database decides what is due and who may send it; a queue only carries
 * delivery ids to a worker quickly. Losing a job delays a delivery (the sweeper re-enqueues it),
 * it never loses one, so drivers may be simple.
 */
export interface DeliveryJob {
  /** Deliveries to attempt in this job; a publish batch's first attempts travel together. */
  deliveryIds: string[];
  /**
   * The subscriptions those deliveries belong to (all of them, perhaps more), when the sender knew
   * them: a publish, a retry or deferral, a resumed endpoint. The worker then holds back only these
   * endpoints' rows instead of asking about every backed-up one. Absent (a sweep, a resend): any
   * subscription may be in the job.
   */
  subscriptionIds?: string[];
  /** Wait this long before the job becomes runnable. */
  delayMs?: number;
  /** While a job with this key is waiting, delayed or running, adding another with it is a no-op. */
  key: string;
}

/** `subscriptionIds`: every subscription of the deliveries, or undefined when not known (see DeliveryJob). */
export type DeliveryJobHandler = (deliveryIds: string[], subscriptionIds?: string[]) => Promise<void>;

export interface QueueCounts {
  waiting: number;
  delayed: number;
  active: number;
}

export interface DeliveryQueue {
  readonly driver: 'in-process' | 'bullmq';
  enqueue(jobs: DeliveryJob[]): Promise<void>;
  /** Starts consuming jobs, at most `concurrency` handlers at once in this process. */
  startWorker(handler: DeliveryJobHandler, options: { concurrency: number }): Promise<void>;
  /** Stops taking jobs and waits for running handlers, at most `graceMs`. */
  stopWorker(graceMs: number): Promise<void>;
  counts(): Promise<QueueCounts>;
  /** Releases every connection or timer the driver opened. */
  close(): Promise<void>;
}
