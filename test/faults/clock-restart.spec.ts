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

const PUBLISHED = 600;
const RETRY_DELAY_MS = 10_000;

describe.each([
  { variant: 'its delayed jobs kept in Redis', flushRedis: false },
  { variant: 'its delayed jobs lost with Redis', flushRedis: true },
])('fault: retries scheduled across a worker restart, $variant', ({ variant, flushRedis }) => {
  const redis = new DedicatedRedis();
  const receiver = new TestReceiver();
  const prefix = `hlclock-${randomBytes(3).toString('hex')}`;
  let db: Awaited<ReturnType<typeof createSchemaDataSource>>;
  let publisher: HooklineRuntime;
  const options = () => faultOptions(redis.url, prefix, { retry: { schedule: [RETRY_DELAY_MS], jitter: 0.1 } });
  const workers = new WorkerProcesses(() => ({ postgresUrl: POSTGRES_URL, schema: db.schema, options: options() }));

  beforeAll(async () => {
    await redis.start();
    await receiver.start();
    db = await createSchemaDataSource();
    publisher = publisherRuntime(db.dataSource, options());
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

  it('sends each retry after the restart, and never before its next_attempt_at', async () => {
    const tenant = 'clock-shop';
    await publisher.subscriptions.create({ tenant, url: receiver.url('/clock'), events: ['points.*'] });
    // The first attempt of every delivery fails, so each gets a retry scheduled ~10 s ahead.
    const seen = new Set<string>();
    receiver.respond = (request) => {
      const id = String(request.headers['webhook-id']);
      if (seen.has(id)) return { status: 200 };
      seen.add(id);
      return { status: 503 };
    };
    let worker = await workers.start();
    await publishPoints(publisher, PUBLISHED, tenant);
    await eventually(
      async () => (await db.dataSource.query(`SELECT id FROM webhook_delivery WHERE attempt_count = 1 AND status = 'pending'`)).length === PUBLISHED,
      90_000,
      50,
    );

    // Killed while every retry is still ahead; what it had scheduled must survive it.
    await worker.kill();
    const killedAt = Date.now();
    const due = new Map<string, number>(
      ((await db.dataSource.query('SELECT id, next_attempt_at FROM webhook_delivery')) as { id: string; next_attempt_at: string }[]).map((r) => [
        r.id,
        Number(r.next_attempt_at),
      ]),
    );
    const earliestDue = Math.min(...due.values());
    expect(earliestDue).toBeGreaterThan(killedAt);
    if (flushRedis) await redis.flushAll();
    await new Promise((resolve) => setTimeout(resolve, 500));
    worker = await workers.start();
    const restartedAt = Date.now();
    // Most retries (all, unless the machine is very slow) fall due after the restart: scheduled across it.
    const dueAfterRestart = [...due.values()].filter((at) => at > restartedAt).length;
    expect(dueAfterRestart).toBeGreaterThanOrEqual(PUBLISHED / 2);

    await eventually(async () => (await deliveryIds(db.dataSource)).undelivered === 0, 30_000, 200);
    const retries = receiver.requests.filter((r) => r.receivedAt > killedAt);
    const early = retries.filter((r) => r.receivedAt < due.get(String(r.headers['webhook-id']))!);
    const lateness = retries.map((r) => r.receivedAt - due.get(String(r.headers['webhook-id']))!);
    // Tallied over the retries: each delivery's must arrive after the restart, once.
    const result = tally((await deliveryIds(db.dataSource)).all, { requests: retries });
    console.log(
      `fault clock-restart (${variant}; retries due ${earliestDue - killedAt}-${Math.max(...due.values()) - killedAt} ms after the kill, ` +
        `${dueAfterRestart} after the restart ${restartedAt - killedAt} ms after it; ` +
        `sent ${Math.min(...lateness)}-${Math.max(...lateness)} ms after due): ${JSON.stringify(result)}`,
    );
    expect(early).toEqual([]);
    expect(result).toMatchObject({ published: PUBLISHED, unique: PUBLISHED, lost: 0 });
    // Two requests per delivery, the failed first attempt and the retry: none sent a third time.
    expect(receiver.requests).toHaveLength(2 * PUBLISHED);
    expect(await strandedDeliveries(db.dataSource, 0)).toEqual([]);
    expect(worker.alive).toBe(true);
  }, 180_000);
});
