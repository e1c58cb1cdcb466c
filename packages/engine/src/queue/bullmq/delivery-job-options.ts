import type { JobsOptions } from 'bullmq';
import type { DeliveryJob } from '../delivery-queue';
import { jobIdForKey } from './job-id';

/** What a BullMQ job carries: only ids; the rows decide what to send. */
export interface DeliveryJobData {
  ids: string[];
  /** DeliveryJob.subscriptionIds; absent in jobs that did not know them (and in older jobs). */
  subs?: string[];
}

/** A job's data; the subscriptions only when known, so other jobs stay as small as before. */
export function deliveryJobData(job: DeliveryJob): DeliveryJobData {
  return job.subscriptionIds ? { ids: job.deliveryIds, subs: job.subscriptionIds } : { ids: job.deliveryIds };
}

/** The BullMQ job name; one queue carries one kind of job. */
export const DELIVERY_JOB_NAME = 'deliver';

/** BullMQ options for one delivery job. */
export function deliveryJobOptions(job: DeliveryJob): JobsOptions {
  return {
    jobId: jobIdForKey(job.key),
    delay: Math.max(0, job.delayMs ?? 0),
    // Covers a handler that throws, e.g. while the database is briefly down.
    attempts: 3,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: true,
    // A kept job would hold its id, and BullMQ ignores adding an id it still has: the sweeper
    // could then never re-enqueue that delivery. The 'failed' event is logged instead.
    removeOnFail: true,
  };
}
