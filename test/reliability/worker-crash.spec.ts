import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { HooklineRuntime } from '@hookline/nestjs';
import { DedicatedRedis } from '../support/dedicated-redis';
import { deliveryIds, faultOptions, publisherRuntime, publishPoints, tally } from '../support/pipeline-harness';
import { eventually, TestReceiver } from '../support/receiver';
import { FAULT_DATABASES, type DatabaseScope } from '../support/test-databases';
import { WorkerProcesses } from '../support/worker-processes';

describe.each(FAULT_DATABASES)('a worker process killed with SIGKILL mid-run, on $name', (database) => {
  const redis = new DedicatedRedis();
  const receiver = new TestReceiver();
  const prefix = `hlcrash-${randomBytes(3).toString('hex')}`;
  let db: DatabaseScope;
  let publisher: HooklineRuntime;
  let dataSource: DataSource;
  const workers = new WorkerProcesses(() => ({ connection: db.connection, options: faultOptions(redis.url, prefix) }));

  beforeAll(async () => {
    await redis.start();
    await receiver.start();
    db = await database.createScope();
    dataSource = db.dataSource;
    publisher = publisherRuntime(dataSource, faultOptions(redis.url, prefix));
  });

  afterAll(async () => {
    await workers.killAll();
    await publisher?.stop();
    await db?.drop();
    await receiver.stop();
    await redis.dispose();
  });

  it('still delivers every delivery after restarts, each at least once', async () => {
    const tenant = 'crash-shop';
    await publisher.subscriptions.create({ tenant, url: receiver.url('/crash'), events: ['points.*'] });
    // Slow enough that a kill always lands while attempts are in flight.
    receiver.respond = async () => {
      await new Promise((resolve) => setTimeout(resolve, 3));
      return { status: 200 };
    };

    await publishPoints(publisher, 1500, tenant);
    let worker = await workers.start();
    await receiver.waitFor(300, 30_000);
    await worker.kill();
    const atFirstKill = receiver.requests.length;

    worker = await workers.start();
    await publishPoints(publisher, 1500, tenant);
    await receiver.waitFor(atFirstKill + 600, 30_000);
    await worker.kill();
    const atSecondKill = receiver.requests.length;

    worker = await workers.start();
    await eventually(async () => (await deliveryIds(dataSource)).undelivered === 0, 120_000, 200);

    const { all } = await deliveryIds(dataSource);
    const result = tally(all, receiver);
    console.log(`SIGKILL x2 on ${database.name} (at ${atFirstKill} and ${atSecondKill} received): ${JSON.stringify(result)}`);
    expect(result.published).toBe(3000);
    expect(result.lost).toBe(0);
    expect(result.unique).toBe(3000);
  }, 180_000);
});
