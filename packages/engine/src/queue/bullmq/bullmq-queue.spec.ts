import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RecordingLogger, describeDeliveryQueueContract, eventually } from '../queue-contract.spec-helper';
import type { QueueLogger } from '../queue-logger';
import { BullMqQueue } from './bullmq-queue';

// Real Redis, never a mock. Every queue gets its own key prefix, so suites running in
// parallel on the same server never see each other's jobs, and cleanup deletes only ours.
const connection = { host: '127.0.0.1', port: 6379 };
const admin = new Redis({ ...connection, connectionName: 'hooklinetest-admin' });
const prefixes: string[] = [];

jest.setTimeout(30_000);

function newQueue(logger: QueueLogger = new RecordingLogger(), port = connection.port): BullMqQueue {
  const prefix = `hooklinetest-${randomUUID().slice(0, 8)}`;
  prefixes.push(prefix);
  return new BullMqQueue({ connection: { ...connection, port }, prefix, logger });
}

/** What FLUSHALL does to this queue, without touching anyone else's keys. */
async function deleteKeys(prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await admin.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** What a Redis restart does to this queue's connections, without restarting the server. */
async function killConnections(prefix: string): Promise<number> {
  const clients = (await admin.client('LIST')) as string;
  const ids = clients
    .split('\n')
    .map((line) => ({ id: /\bid=(\d+)/.exec(line)?.[1], name: /\bname=(\S*)/.exec(line)?.[1] ?? '' }))
    .filter((client) => client.id && client.name.startsWith(`${prefix}:`))
    .map((client) => client.id!);
  for (const id of ids) await admin.client('KILL', 'ID', id);
  return ids.length;
}

afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(prefix);
  await admin.quit();
});

describeDeliveryQueueContract('bullmq', (logger) => newQueue(logger));

describe('BullMqQueue', () => {
  let queue: BullMqQueue;
  afterEach(async () => {
    await queue.stopWorker(1_000);
    await queue.close();
  });

  it('stores a job under its key as job id, carrying only the delivery ids', async () => {
    queue = newQueue();
    await queue.enqueue([
      { key: 'dlv_01J8Z3', deliveryIds: ['dlv_01J8Z3', 'dlv_01J8Z4'], delayMs: 60_000 },
      { key: 'dlv_01J8Z5:retry:2', deliveryIds: ['dlv_01J8Z5'] },
    ]);
    const prefix = prefixes.at(-1);

    expect(JSON.parse((await admin.hget(`${prefix}:deliveries:dlv_01J8Z3`, 'data')) ?? 'null')).toEqual({
      ids: ['dlv_01J8Z3', 'dlv_01J8Z4'],
    });
    expect(await admin.exists(`${prefix}:deliveries:dlv_01J8Z5%3Aretry%3A2`)).toBe(1);
    expect(await queue.counts()).toEqual({ waiting: 1, delayed: 1, active: 0 });
  });

  it('retries a throwing handler, up to 3 attempts with backoff', async () => {
    const logger = new RecordingLogger();
    queue = newQueue(logger);
    let tries = 0;
    await queue.startWorker(
      async () => {
        tries += 1;
        if (tries < 3) throw new Error('database unavailable');
      },
      { concurrency: 1 },
    );

    await queue.enqueue([{ key: 'dlv_retry', deliveryIds: ['dlv_retry'] }]);
    await eventually('the third attempt succeeded', async () => tries === 3 && (await queue.counts()).delayed === 0, 20_000);
    expect(logger.warnings).toHaveLength(2);
    expect(logger.errors).toEqual([]);
  });

  it('rejects enqueue promptly when Redis is unreachable, and still closes cleanly', async () => {
    const logger = new RecordingLogger();
    queue = newQueue(logger, 6399); // nothing listens there
    await queue.startWorker(async () => undefined, { concurrency: 1 });

    await expect(queue.enqueue([{ key: 'dlv_lost', deliveryIds: ['dlv_lost'] }])).rejects.toThrow();
    await expect(queue.counts()).rejects.toThrow();
  });

  it('keeps processing new jobs after its keys were deleted (as by FLUSHALL)', async () => {
    queue = newQueue();
    const seen: string[] = [];
    await queue.startWorker(async (ids) => void seen.push(...ids), { concurrency: 2 });
    await queue.enqueue([{ key: 'dlv_before', deliveryIds: ['dlv_before'] }]);
    await eventually('the first job ran', () => seen.length === 1);

    await deleteKeys(prefixes.at(-1)!);
    await queue.enqueue([{ key: 'dlv_after', deliveryIds: ['dlv_after'] }]);

    await eventually('the job enqueued after the flush ran', () => seen.includes('dlv_after'));
  });

  it('reconnects producer and worker after its connections were dropped (as by a restart)', async () => {
    queue = newQueue();
    const seen: string[] = [];
    await queue.startWorker(async (ids) => void seen.push(...ids), { concurrency: 2 });
    await queue.enqueue([{ key: 'dlv_before', deliveryIds: ['dlv_before'] }]);
    await eventually('the first job ran', () => seen.length === 1);

    expect(await killConnections(prefixes.at(-1)!)).toBeGreaterThanOrEqual(3); // producer, worker, blocking
    await eventually('enqueue works again', () =>
      queue.enqueue([{ key: 'dlv_after', deliveryIds: ['dlv_after'] }]).then(
        () => true,
        () => false,
      ),
    );

    await eventually('the job enqueued after the drop ran', () => seen.includes('dlv_after'));
  });
});
