export type { DeliveryJob, DeliveryJobHandler, DeliveryQueue, QueueCounts } from './delivery-queue';
export type { QueueLogger } from './queue-logger';
export { stderrQueueLogger } from './queue-logger';
export { QueueConfigError } from './queue-config-error';
export { QueueStateError } from './queue-state-error';
export { InProcessQueue, type InProcessQueueOptions } from './in-process/in-process-queue';
// The BullMQ driver is not re-exported here: importing it loads bullmq, an optional peer (see load-bullmq-driver.ts).
