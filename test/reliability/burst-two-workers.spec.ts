import { DataSource } from 'typeorm';
import { HOOKLINE_ENTITIES, HooklineRuntime, type WebhooksModuleOptions } from '@hookline/nestjs';
import { mysqlBullmq, postgresBullmq } from '../support/drivers';
import { deliveryIds, publishPoints, silentLogger, tally } from '../support/pipeline-harness';
import { eventually, TestReceiver } from '../support/receiver';
import { TEST_ENCRYPTION_KEY } from '../support/test-app';

const BURST = 3_000;

// Two worker processes' worth of runtimes on one database and one BullMQ queue: each has its own
// lanes and limits for the same endpoint, and a claim decides who sends each delivery.
describe.each([postgresBullmq, mysqlBullmq])('a burst to one endpoint shared by two BullMQ workers (%p)', (makeDriver) => {
  const driver = makeDriver();
  const receiver = new TestReceiver();
  let dataSource: DataSource;
  const runtimes: HooklineRuntime[] = [];

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    const { autoLoadEntities: _auto, ...database } = driver.database() as Record<string, unknown>;
    dataSource = await new DataSource({ ...(database as object), entities: driver.entities ?? HOOKLINE_ENTITIES } as never).initialize();
    const options: WebhooksModuleOptions = {
      queue: driver.queue(),
      encryptionKey: TEST_ENCRYPTION_KEY,
      delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'] },
      worker: { concurrency: 50 },
    };
    for (let i = 0; i < 2; i += 1) runtimes.push(new HooklineRuntime(options, dataSource, silentLogger));
    for (const runtime of runtimes) await runtime.start();
  });

  afterAll(async () => {
    for (const runtime of runtimes) await runtime.stop();
    await dataSource?.destroy();
    await receiver.stop();
    await driver.tearDown();
  });

  it(`delivers each of ${BURST} deliveries exactly once across both workers`, async () => {
    const [first] = runtimes;
    const sub = await first.subscriptions.create({ tenant: 'two-workers', url: receiver.url('/shared'), events: ['*'] });
    await publishPoints(first, BURST, 'two-workers', { batchSize: 500 });
    await eventually(async () => (await deliveryIds(dataSource)).undelivered === 0, 120_000, 100);
    expect(tally((await deliveryIds(dataSource)).all, receiver)).toEqual({ published: BURST, received: BURST, unique: BURST, duplicates: 0, lost: 0 });
    const [row] = await dataSource.query(`SELECT MAX(attempt_count) AS most FROM webhook_delivery WHERE subscription_id = '${sub.id}'`);
    expect(Number(row.most)).toBe(1);
  }, 150_000);
});
