import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { HooklineRuntime } from '@hookline/nestjs';
import { DedicatedRedis } from '../support/dedicated-redis';
import { deliveryIds, faultOptions, publisherRuntime, tally } from '../support/pipeline-harness';
import { eventually, TestReceiver, type ReceivedRequest } from '../support/receiver';
import { FAULT_DATABASES, type DatabaseScope } from '../support/test-databases';
import { WorkerProcesses } from '../support/worker-processes';

const KEYS = 40;
const PER_KEY = 40;

/** Receipts of a key arriving after a later one of the same key had arrived. */
function outOfOrder(requests: ReceivedRequest[]): string[] {
  const highest = new Map<string, number>();
  const late: string[] = [];
  for (const request of requests) {
    const { customer_id: key, amount: seq } = (JSON.parse(request.body) as { data: { customer_id: string; amount: number } }).data;
    if (seq < (highest.get(key) ?? 0)) late.push(`${key}#${seq} after #${highest.get(key)}`);
    highest.set(key, Math.max(seq, highest.get(key) ?? 0));
  }
  return late;
}

describe.each(FAULT_DATABASES)('ordering keys with worker processes killed mid-run and retries, on $name', (database) => {
  const redis = new DedicatedRedis();
  const receiver = new TestReceiver();
  const prefix = `hlorder-${randomBytes(3).toString('hex')}`;
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

  it('never lets a later event of a key arrive before an earlier one, and loses none', async () => {
    const tenant = 'ordered-crash';
    await publisher.subscriptions.create({ tenant, url: receiver.url('/ordered'), events: ['points.*'] });
    // Slow enough that each kill lands with attempts in flight; every tenth first try fails, so retries interleave too.
    const failedOnce = new Set<string>();
    receiver.respond = async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 3));
      const id = String(request.headers['webhook-id']);
      if (request.body.includes('"amount":1') && !failedOnce.has(id) && failedOnce.size < 40) {
        failedOnce.add(id);
        return { status: 503 };
      }
      return { status: 200 };
    };
    await publisher.publisher.publishMany(
      Array.from({ length: PER_KEY }, (_, i) => i + 1).flatMap((seq) =>
        Array.from({ length: KEYS }, (_, k) => ({ type: 'points.earned', data: { customer_id: `cust_${k}`, amount: seq }, tenant, orderingKey: `cust_${k}` })),
      ),
    );
    let worker = await workers.start();
    await receiver.waitFor(300, 60_000);
    await worker.kill();
    const atFirstKill = receiver.requests.length;
    worker = await workers.start();
    await receiver.waitFor(atFirstKill + 400, 60_000);
    await worker.kill();
    const atSecondKill = receiver.requests.length;
    await workers.start();
    await workers.start();
    await eventually(async () => (await deliveryIds(dataSource)).undelivered === 0, 150_000, 250);

    const { all } = await deliveryIds(dataSource);
    const result = tally(all, receiver);
    const late = outOfOrder(receiver.requests);
    console.log(
      `ordering keys, SIGKILL x2 on ${database.name} (at ${atFirstKill} and ${atSecondKill} received), ${failedOnce.size} first tries refused, then two workers: ${JSON.stringify({ ...result, outOfOrder: late.length })}`,
    );
    expect(result.published).toBe(KEYS * PER_KEY);
    expect(result.lost).toBe(0);
    expect(failedOnce.size).toBeGreaterThan(0);
    expect(late).toEqual([]);
  }, 240_000);
});
