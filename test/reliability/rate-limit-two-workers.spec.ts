import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { HooklineRuntime } from '@hookline/nestjs';
import { DedicatedRedis } from '../support/dedicated-redis';
import { deliveryIds, faultOptions, publisherRuntime, publishPoints, tally } from '../support/pipeline-harness';
import { busiestWindow, measuredRate } from '../support/receipt-windows';
import { eventually, TestReceiver } from '../support/receiver';
import { FAULT_DATABASES, type DatabaseScope } from '../support/test-databases';
import { WorkerProcesses } from '../support/worker-processes';

const PER_SECOND = 25;
const PUBLISHED = 250;

describe.each(FAULT_DATABASES)('one rate-limited subscription shared by two worker processes, on $name', (database) => {
  const redis = new DedicatedRedis();
  const receiver = new TestReceiver();
  const prefix = `hlrate-${randomBytes(3).toString('hex')}`;
  let db: DatabaseScope;
  let publisher: HooklineRuntime;
  let dataSource: DataSource;
  // Each process signs as itself (its User-Agent), so the receipts tell which one sent them.
  let started = 0;
  const workers = new WorkerProcesses(() => ({
    connection: db.connection,
    options: faultOptions(redis.url, prefix, { profile: { name: 'standard', extends: 'standard', userAgent: `Hookline/worker-${(started += 1)}` } }),
  }));

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

  it(`keeps ${PER_SECOND}/s across both processes: every delivery once, one attempt each, the combined receipts within the limit`, async () => {
    const tenant = 'rate-shop';
    const subscription = await publisher.subscriptions.create({ tenant, url: receiver.url('/limited'), events: ['points.*'], rateLimit: { perSecond: PER_SECOND } });
    await workers.start();
    await workers.start();
    await publishPoints(publisher, PUBLISHED, tenant);
    await eventually(async () => (await deliveryIds(dataSource)).undelivered === 0, 60_000, 200);

    const result = tally((await deliveryIds(dataSource)).all, receiver);
    expect(result).toEqual({ published: PUBLISHED, received: PUBLISHED, unique: PUBLISHED, duplicates: 0, lost: 0 });
    const [row] = await dataSource.query(`SELECT MIN(attempt_count) AS fewest, MAX(attempt_count) AS most FROM webhook_delivery WHERE subscription_id = '${subscription.id}'`);
    expect([Number(row.fewest), Number(row.most)]).toEqual([1, 1]);

    const bySender = new Map<string, number>();
    for (const r of receiver.requests) bySender.set(String(r.headers['user-agent']), (bySender.get(String(r.headers['user-agent'])) ?? 0) + 1);
    expect([...bySender.keys()].sort()).toEqual(['Hookline/worker-1', 'Hookline/worker-2']);
    const times = receiver.requests.map((r) => r.receivedAt).sort((a, b) => a - b);
    const busiest = busiestWindow(times, 1_000);
    const steady = measuredRate(times.slice(PER_SECOND));
    console.log(
      `rate limit ${PER_SECOND}/s, two worker processes on ${database.name}: ${PUBLISHED} delivered in ${((times[times.length - 1] - times[0]) / 1000).toFixed(2)} s, ` +
        `measured ${measuredRate(times).toFixed(1)}/s overall (first-second burst included), ${steady.toFixed(1)}/s after the burst, busiest 1-s window ${busiest}; sent by ${JSON.stringify(Object.fromEntries(bySender))}`,
    );
    expect(busiest).toBeLessThanOrEqual(2 * PER_SECOND);
    // Past the burst, the two processes together keep to the limit's pace.
    expect(steady).toBeLessThanOrEqual(PER_SECOND * 1.1);
  }, 90_000);
});
