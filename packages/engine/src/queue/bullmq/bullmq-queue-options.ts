import type { QueueLogger } from '../queue-logger';
import type { BullMqConnectionOptions } from './redis-connection-options';

/** Options of the {@link BullMqQueue}. */
export interface BullMqQueueOptions {
  /** Redis to use; the queue opens (and closes) its own connections from these options. */
  connection: BullMqConnectionOptions;
  /** Namespace of every Redis key, so apps or environments can share one Redis. */
  prefix?: string;
  queueName?: string;
  /** Receives worker errors and failed jobs; defaults to stderr. */
  logger?: QueueLogger;
}

/** Defaults live in one place. */
export const BULLMQ_QUEUE_DEFAULTS = {
  prefix: 'hookline',
  queueName: 'deliveries',
} as const;
