import { randomBytes } from 'node:crypto';
import type { HooklineRuntime } from '@hookline/nestjs';
import { DedicatedPostgres } from '../support/dedicated-postgres';
import { DedicatedRedis } from '../support/dedicated-redis';
import {
  cleanUpAll,
  createSchemaDataSource,
  deliveryIds,
  faultOptions,
  publisherRuntime,
  strandedDeliveries,
  tally,
} from '../support/pipeline-harness';
import { eventually, TestReceiver } from '../support/receiver';
import { WorkerProcesses } from '../support/worker-processes';

const BATCHES = 160;
const BATCH_SIZE = 20;

interface PublishCall {
  keys: string[];
  error?: Error;
}

describe('fault: PostgreSQL restarted mid-run', () => {
  const postgres = new DedicatedPostgres();
  const redis = new DedicatedRedis();
  const receiver = new TestReceiver();
  const prefix = `hlpg-${randomBytes(3).toString('hex')}`;
  let db: Awaited<ReturnType<typeof createSchemaDataSource>>;
  let publisher: HooklineRuntime;
  const workers = new WorkerProcesses(() => ({ postgresUrl: postgres.url, schema: db.schema, options: faultOptions(redis.url, prefix) }));

  beforeAll(async () => {
    await Promise.all([postgres.start(), redis.start(), receiver.start()]);
    db = await createSchemaDataSource(postgres.url);
    publisher = publisherRuntime(db.dataSource, faultOptions(redis.url, prefix));
  }, 60_000);

  afterAll(async () => {
    await cleanUpAll(
      () => workers.killAll(),
      () => publisher?.stop(),
      () => db?.drop(),
      () => receiver.stop(),
      () => redis.dispose(),
      () => postgres.dispose(),
    );
  }, 60_000);

  it('rejects publishes clearly while it is down and delivers every publish that resolved', async () => {
    const tenant = 'pg-shop';
    await publisher.subscriptions.create({ tenant, url: receiver.url('/pg'), events: ['points.*'] });
    receiver.respond = async () => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return { status: 200 };
    };
    const started = [await workers.start(), await workers.start()];

    // Each message has its own idempotency key, so the database can be asked afterwards which were stored.
    const calls: PublishCall[] = [];
    const publishing = (async () => {
      for (let batch = 0; batch < BATCHES; batch += 1) {
        const keys = Array.from({ length: BATCH_SIZE }, (_, i) => `b${batch}-${i}`);
        const call: PublishCall = { keys };
        try {
          await publisher.publisher.publishMany(
            keys.map((key, i) => ({ type: 'points.earned', data: { customer_id: `c${i}`, amount: 1 }, tenant, idempotencyKey: key })),
          );
        } catch (error) {
          call.error = error as Error;
        }
        calls.push(call);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();

    await receiver.waitFor(500, 30_000);
    await postgres.stop();
    const atStop = receiver.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await postgres.start();
    await publishing;

    const resolved = calls.filter((c) => !c.error).flatMap((c) => c.keys);
    const rejected = calls.filter((c) => c.error);
    const stored = new Set(
      ((await db.dataSource.query('SELECT idempotency_key FROM webhook_message')) as { idempotency_key: string }[]).map((r) => r.idempotency_key),
    );
    // Never a false success, never a silent store.
    expect(resolved.filter((key) => !stored.has(key))).toEqual([]);
    expect(rejected.flatMap((c) => c.keys).filter((key) => stored.has(key))).toEqual([]);
    expect(rejected.length).toBeGreaterThan(0);
    for (const { error } of rejected) {
      expect(error).toMatchObject({ name: 'PublishNotStoredError', code: 'HOOKLINE_PUBLISH_NOT_STORED' });
      expect(error!.message).toMatch(/did not confirm storing .*Treat it as not published/);
      expect(error!.cause).toHaveProperty('message');
    }
    const causes = [...new Set(rejected.map(({ error }) => (error!.cause as Error).message.replace(/:\d+$/, '')))];

    await eventually(async () => (await deliveryIds(db.dataSource)).undelivered === 0, 60_000, 200);
    const result = tally((await deliveryIds(db.dataSource)).all, receiver);
    console.log(
      `fault postgres-restart (stopped at ${atStop} received, down 2 s; ${rejected.length} of ${calls.length} publish calls rejected: ${causes.join(' | ')}): ${JSON.stringify(result)}`,
    );
    expect(result).toMatchObject({ published: resolved.length, unique: resolved.length, lost: 0 });
    expect(await strandedDeliveries(db.dataSource, 0)).toEqual([]);
    // The same worker processes rode out the outage: they saw it, retried, and kept going.
    expect(started.every((w) => w.alive)).toBe(true);
    expect(started.flatMap((w) => w.log).some((line) => /Sweep failed/.test(line))).toBe(true);
  }, 120_000);
});
