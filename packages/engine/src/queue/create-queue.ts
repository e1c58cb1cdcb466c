import type { DeliveryQueue } from '../queue/delivery-queue';
import { InProcessQueue } from '../queue';
import { loadBullMqDriver } from '../queue/load-bullmq-driver';
import type { QueueOptions } from '../options/hookline-options';
import type { HooklineLogger } from '../options/hookline-logger';

/** The queue driver the options name. */
export function createQueue(options: QueueOptions, logger: HooklineLogger, batchSize: number): DeliveryQueue {
  const queueLogger = { error: logger.error.bind(logger), warn: (message: string) => logger.warn(message) };
  if (options.driver === 'in-process') return new InProcessQueue({ logger: queueLogger, mergeUpTo: batchSize });
  const { BullMqQueue, bullMqConnectionFromUrl } = loadBullMqDriver();
  const connection = typeof options.connection === 'string' ? bullMqConnectionFromUrl(options.connection) : options.connection;
  return new BullMqQueue({ connection, prefix: options.prefix, queueName: options.queueName, logger: queueLogger });
}
