import { randomBytes } from 'node:crypto';
import type { HooklineRuntime } from '@hookline/nestjs';
import { DedicatedRedis } from '../support/dedicated-redis';
import { POSTGRES_URL } from '../support/drivers';
import {
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

const PUBLISHED = 3_000;

describe('fault: worker processes killed with SIGKILL, again and again', () => {
  const redis = new DedicatedRedis();
  const receiver = new TestReceiver();
  const prefix = `hlkill-${randomBytes(3).toString('hex')}`;
  let db: Awaited<ReturnType<typeof createSchemaDataSource>>;
  let publisher: HooklineRuntime;
  const workers = new WorkerProcesses(() => ({ postgresUrl: POSTGRES_URL, schema: db.schema, options: faultOptions(redis.url, prefix) }));

  beforeAll(async () => {
    await redis.start();
    await receiver.start();
    db = await createSchemaDataSource();
    publisher = publisherRuntime(db.dataSource, faultOptions(redis.url, prefix));
  });

  afterAll(async () => {
    await workers.killAll();
    await publisher?.stop();
    await db?.drop();
    await receiver.stop();
    await redis.dispose();
  });

  it('delivers every delivery at least once across five kills of two concurrent workers', async () => {
    const tenant = 'kill-shop';
    await publisher.subscriptions.create({ tenant, url: receiver.url('/kill'), events: ['points.*'] });
    // Slow enough that every kill lands while attempts are in flight.
    receiver.respond = async () => {
      await new Promise((resolve) => setTimeout(resolve, 3));
      return { status: 200 };
    };

    const running = { a: await workers.start(), b: await workers.start() };
    // Publishing goes on while workers die, so every kill lands mid-run and new jobs must reach
    // whichever worker is alive.
    const publishing = publishPoints(publisher, PUBLISHED, tenant, { batchSize: 100, pauseMs: 300 });
    const kills: { atReceived: number; killed: string }[] = [];
    for (const victims of [['a'], ['b'], ['a', 'b'], ['a'], ['b']] as const) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      kills.push({ atReceived: receiver.requests.length, killed: victims.join('+') });
      await Promise.all(victims.map(async (name) => (running[name] = await workers.restart(running[name]))));
    }
    await publishing;

    await eventually(async () => (await deliveryIds(db.dataSource)).undelivered === 0, 60_000, 200);
    const result = tally((await deliveryIds(db.dataSource)).all, receiver);
    console.log(`fault worker-sigkill x${kills.length} ${JSON.stringify(kills)}: ${JSON.stringify(result)}`);
    expect(result).toMatchObject({ published: PUBLISHED, unique: PUBLISHED, lost: 0 });
    expect(await strandedDeliveries(db.dataSource, 0)).toEqual([]);
    expect(kills.filter((k) => k.atReceived < PUBLISHED).length).toBeGreaterThanOrEqual(3);
    expect(running.a.alive && running.b.alive).toBe(true);
  }, 120_000);
});
