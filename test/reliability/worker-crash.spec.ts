import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { HooklineRuntime } from '@hookline/nestjs';
import { DedicatedRedis } from '../support/dedicated-redis';
import { POSTGRES_URL } from '../support/drivers';
import {
  createSchemaDataSource,
  deliveryIds,
  faultOptions,
  publisherRuntime,
  tally,
} from '../support/pipeline-harness';
import { eventually, TestReceiver } from '../support/receiver';

const WORKER_SCRIPT = join(__dirname, '..', 'fixtures', 'worker-process.js');

describe('a worker process killed with SIGKILL mid-run', () => {
  const redis = new DedicatedRedis();
  const receiver = new TestReceiver();
  const prefix = `hlcrash-${randomBytes(3).toString('hex')}`;
  let db: Awaited<ReturnType<typeof createSchemaDataSource>>;
  let publisher: HooklineRuntime;
  let dataSource: DataSource;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    await redis.start();
    await receiver.start();
    db = await createSchemaDataSource();
    dataSource = db.dataSource;
    publisher = publisherRuntime(dataSource, faultOptions(redis.url, prefix));
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.exitCode === null) worker.kill('SIGKILL');
    await publisher?.stop();
    await db?.drop();
    await receiver.stop();
    await redis.dispose();
  });

  function startWorker(): Promise<ChildProcess> {
    const child = fork(WORKER_SCRIPT, [], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOOKLINE_WORKER_CONFIG: JSON.stringify({ postgresUrl: POSTGRES_URL, schema: db.schema, options: faultOptions(redis.url, prefix) }),
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    workers.push(child);
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(child));
      child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
    });
  }

  async function kill(child: ChildProcess): Promise<void> {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async function publish(count: number, tenant: string): Promise<void> {
    for (let start = 0; start < count; start += 250) {
      const batch = Array.from({ length: Math.min(250, count - start) }, (_, i) => ({
        type: 'points.earned',
        data: { customer_id: `c${start + i}`, amount: 10 },
        tenant,
      }));
      await publisher.publisher.publishMany(batch);
    }
  }

  it('still delivers every delivery after restarts, each at least once', async () => {
    const tenant = 'crash-shop';
    await publisher.subscriptions.create({ tenant, url: receiver.url('/crash'), events: ['points.*'] });
    // Slow enough that a kill always lands while attempts are in flight.
    receiver.respond = async () => {
      await new Promise((resolve) => setTimeout(resolve, 3));
      return { status: 200 };
    };

    await publish(1500, tenant);
    let worker = await startWorker();
    await receiver.waitFor(300, 30_000);
    await kill(worker);
    const atFirstKill = receiver.requests.length;

    worker = await startWorker();
    await publish(1500, tenant);
    await receiver.waitFor(atFirstKill + 600, 30_000);
    await kill(worker);
    const atSecondKill = receiver.requests.length;

    worker = await startWorker();
    await eventually(async () => (await deliveryIds(dataSource)).undelivered === 0, 60_000, 200);

    const { all } = await deliveryIds(dataSource);
    const result = tally(all, receiver);
    console.log(`SIGKILL x2 (at ${atFirstKill} and ${atSecondKill} received): ${JSON.stringify(result)}`);
    expect(result.published).toBe(3000);
    expect(result.lost).toBe(0);
    expect(result.unique).toBe(3000);
    await kill(worker);
  }, 180_000);
});
