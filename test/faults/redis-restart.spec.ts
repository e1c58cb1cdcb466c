import { DedicatedRedis } from '../support/dedicated-redis';
import { deliveryIds, publishPoints, strandedDeliveries, tally } from '../support/pipeline-harness';
import { faultRig } from '../support/fault-rig';
import { eventually, TestReceiver } from '../support/receiver';
import { FAULT_DATABASES } from '../support/test-databases';

const PUBLISHED = 2_000;

describe.each(FAULT_DATABASES)('on $name', (database) => {
  describe.each([
    { variant: 'keeping its data (AOF)', appendOnly: true },
    { variant: 'losing its data', appendOnly: false },
  ])('fault: Redis restarted mid-run, $variant', ({ variant, appendOnly }) => {
    const enqueueWarnings: string[] = [];
    const logger = {
      log: () => undefined,
      error: () => undefined,
      warn: (message: string) => void (message.startsWith('Could not enqueue') && enqueueWarnings.push(message)),
    };
    const rig = faultRig({ database, prefix: 'hlredis', receiver: new TestReceiver(), redis: new DedicatedRedis({ appendOnly }), logger });
    const { redis, receiver, workers } = rig;

    it('delivers everything while the publisher and the worker processes reconnect by themselves', async () => {
      const tenant = 'redis-shop';
      await rig.publisher.subscriptions.create({ tenant, url: receiver.url('/redis'), events: ['points.*'] });
      receiver.respond = async () => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return { status: 200 };
      };
      const started = [await workers.start(), await workers.start()];

      // Publishing never stops: while Redis is down the rows commit and the enqueue fails (logged).
      const publishing = publishPoints(rig.publisher, PUBLISHED, tenant, { batchSize: 50, pauseMs: 100 });
      await receiver.waitFor(400, 30_000);
      await redis.stop();
      const atStop = receiver.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await redis.start();
      const restartedAt = Date.now();
      await publishing;

      // The producer reconnects on its own: once it has, a publish is enqueued without a warning.
      await eventually(() => rig.publisher.queue.counts().then(() => true, () => false), 15_000, 100);
      const warningsBefore = enqueueWarnings.length;
      await publishPoints(rig.publisher, 100, tenant);
      expect(enqueueWarnings.length).toBe(warningsBefore);

      await eventually(async () => (await deliveryIds(rig.db.dataSource)).undelivered === 0, 60_000, 200);
      const result = tally((await deliveryIds(rig.db.dataSource)).all, receiver);
      console.log(
        `fault redis-restart (${database.name}, ${variant}; stopped at ${atStop} received, down 1.5 s; publisher enqueue failures ${warningsBefore}): ${JSON.stringify(result)}`,
      );
      expect(result).toMatchObject({ published: PUBLISHED + 100, unique: PUBLISHED + 100, lost: 0 });
      expect(await strandedDeliveries(rig.db.dataSource, 0)).toEqual([]);
      expect(atStop).toBeLessThan(PUBLISHED);
      // Deliveries went on flowing after the restart through the same (never restarted) workers.
      expect(receiver.requests.filter((r) => r.receivedAt > restartedAt).length).toBeGreaterThan(0);
      expect(started.every((w) => w.alive)).toBe(true);
    }, 120_000);
  });
});
