import { randomBytes } from 'node:crypto';
import type { HooklineRuntime } from '@hookline/nestjs';
import { DedicatedRedis } from '../support/dedicated-redis';
import { POSTGRES_URL } from '../support/drivers';
import {
  cleanUpAll,
  createSchemaDataSource,
  deliveryIds,
  faultOptions,
  publisherRuntime,
  publishPoints,
  strandedDeliveries,
  tally,
} from '../support/pipeline-harness';
import { eventually, TestReceiver } from '../support/receiver';
import { WorkerProcesses } from '../support/worker-processes';

const PUBLISHED = 2_000;

describe.each([
  { variant: 'keeping its data (AOF)', appendOnly: true },
  { variant: 'losing its data', appendOnly: false },
])('fault: Redis restarted mid-run, $variant', ({ variant, appendOnly }) => {
  const redis = new DedicatedRedis({ appendOnly });
  const receiver = new TestReceiver();
  const prefix = `hlredis-${randomBytes(3).toString('hex')}`;
  const enqueueWarnings: string[] = [];
  let db: Awaited<ReturnType<typeof createSchemaDataSource>>;
  let publisher: HooklineRuntime;
  const workers = new WorkerProcesses(() => ({ postgresUrl: POSTGRES_URL, schema: db.schema, options: faultOptions(redis.url, prefix) }));

  beforeAll(async () => {
    await redis.start();
    await receiver.start();
    db = await createSchemaDataSource();
    const logger = {
      log: () => undefined,
      error: () => undefined,
      warn: (message: string) => void (message.startsWith('Could not enqueue') && enqueueWarnings.push(message)),
    };
    publisher = publisherRuntime(db.dataSource, faultOptions(redis.url, prefix), logger);
  });

  afterAll(async () => {
    await cleanUpAll(
      () => workers.killAll(),
      () => publisher?.stop(),
      () => db?.drop(),
      () => receiver.stop(),
      () => redis.dispose(),
    );
  });

  it('delivers everything while the publisher and the worker processes reconnect by themselves', async () => {
    const tenant = 'redis-shop';
    await publisher.subscriptions.create({ tenant, url: receiver.url('/redis'), events: ['points.*'] });
    receiver.respond = async () => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return { status: 200 };
    };
    const started = [await workers.start(), await workers.start()];

    // Publishing never stops: while Redis is down the rows commit and the enqueue fails (logged).
    const publishing = publishPoints(publisher, PUBLISHED, tenant, { batchSize: 50, pauseMs: 100 });
    await receiver.waitFor(400, 30_000);
    await redis.stop();
    const atStop = receiver.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await redis.start();
    const restartedAt = Date.now();
    await publishing;

    // The producer reconnects on its own: once it has, a publish is enqueued without a warning.
    await eventually(() => publisher.queue.counts().then(() => true, () => false), 15_000, 100);
    const warningsBefore = enqueueWarnings.length;
    await publishPoints(publisher, 100, tenant);
    expect(enqueueWarnings.length).toBe(warningsBefore);

    await eventually(async () => (await deliveryIds(db.dataSource)).undelivered === 0, 60_000, 200);
    const result = tally((await deliveryIds(db.dataSource)).all, receiver);
    console.log(
      `fault redis-restart (${variant}; stopped at ${atStop} received, down 1.5 s; publisher enqueue failures ${warningsBefore}): ${JSON.stringify(result)}`,
    );
    expect(result).toMatchObject({ published: PUBLISHED + 100, unique: PUBLISHED + 100, lost: 0 });
    expect(await strandedDeliveries(db.dataSource, 0)).toEqual([]);
    expect(atStop).toBeLessThan(PUBLISHED);
    // Deliveries went on flowing after the restart through the same (never restarted) workers.
    expect(receiver.requests.filter((r) => r.receivedAt > restartedAt).length).toBeGreaterThan(0);
    expect(started.every((w) => w.alive)).toBe(true);
  }, 120_000);
});
