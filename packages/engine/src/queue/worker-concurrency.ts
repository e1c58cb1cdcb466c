import { QueueConfigError } from './queue-config-error';

/** Both drivers take the same `concurrency`, so they reject the same bad values the same way. */
export function assertWorkerConcurrency(concurrency: number): void {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new QueueConfigError(
      `Worker concurrency must be a whole number of at least 1, got ${String(concurrency)}.`,
      { pointer: '/concurrency' },
    );
  }
}
