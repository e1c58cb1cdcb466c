import { assertInstalled } from '@hookline/core';

type BullMqDriver = typeof import('./bullmq/bullmq-queue') & typeof import('./bullmq/connection-from-url');

/**
 * The BullMQ driver, loaded only when `queue.driver` is `'bullmq'`: bullmq and ioredis are
 * optional peers, so an app on the in-process queue never needs them installed.
 */
export function loadBullMqDriver(): BullMqDriver {
  assertInstalled({ packages: ['bullmq', 'ioredis'], neededFor: "queue.driver: 'bullmq'", pointer: '/queue/driver' }, require);
  /* eslint-disable @typescript-eslint/no-require-imports -- optional peer dependencies, loaded only when configured */
  return { ...require('./bullmq/bullmq-queue'), ...require('./bullmq/connection-from-url') };
  /* eslint-enable @typescript-eslint/no-require-imports */
}
