import { randomBytes } from 'node:crypto';
import { HooklineRuntime } from '@hookline/nestjs';
import { DedicatedRedis } from '../support/dedicated-redis';
import { deliveryIds, faultOptions, publishPoints, silentLogger, tally } from '../support/pipeline-harness';
import { eventually, TestReceiver } from '../support/receiver';
import { FAULT_DATABASES, type DatabaseScope } from '../support/test-databases';

describe.each(FAULT_DATABASES)('losing Redis mid-run, on $name', (database) => {
  const redis = new DedicatedRedis();
  const receiver = new TestReceiver();
  let db: DatabaseScope;
  let runtime: HooklineRuntime;

  beforeEach(async () => {
    await redis.start();
    await receiver.start();
    receiver.requests.length = 0;
    receiver.respond = async () => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      return { status: 200 };
    };
    db = await database.createScope();
    runtime = new HooklineRuntime(faultOptions(redis.url, `hlloss-${randomBytes(3).toString('hex')}`), db.dataSource, silentLogger);
    await runtime.start();
  });

  afterEach(async () => {
    await runtime.stop();
    await db.drop();
    await receiver.stop();
    await redis.dispose();
  });

  const publish = (count: number, tenant: string) => publishPoints(runtime, count, tenant);

  it('recovers every delivery through the sweeper after FLUSHALL wipes the queue', async () => {
    await runtime.subscriptions.create({ tenant: 'flush-shop', url: receiver.url('/flush'), events: ['*'] });
    await publish(2000, 'flush-shop');
    await receiver.waitFor(200, 30_000);
    await redis.flushAll();
    const atFlush = receiver.requests.length;
    await eventually(async () => (await deliveryIds(db.dataSource)).undelivered === 0, 120_000, 200);
    const result = tally((await deliveryIds(db.dataSource)).all, receiver);
    console.log(`${database.name}: FLUSHALL at ${atFlush} received: ${JSON.stringify(result)}`);
    expect(result).toMatchObject({ published: 2000, unique: 2000, lost: 0 });
    expect(atFlush).toBeLessThan(2000);
  }, 180_000);

  it('keeps publishing while Redis is down and delivers everything once it is back', async () => {
    await runtime.subscriptions.create({ tenant: 'down-shop', url: receiver.url('/down'), events: ['*'] });
    await publish(1000, 'down-shop');
    await receiver.waitFor(100, 30_000);
    await redis.stop();
    // Commits still succeed: the database is the source of truth, the queue only transport.
    await publish(500, 'down-shop');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await redis.start();
    await eventually(async () => (await deliveryIds(db.dataSource)).undelivered === 0, 120_000, 200);
    const result = tally((await deliveryIds(db.dataSource)).all, receiver);
    console.log(`${database.name}: Redis stopped and restarted empty: ${JSON.stringify(result)}`);
    expect(result).toMatchObject({ published: 1500, unique: 1500, lost: 0 });
  }, 180_000);
});
