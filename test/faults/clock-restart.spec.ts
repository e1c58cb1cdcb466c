import { deliveryIds, faultOptions, publishPoints, strandedDeliveries, tally } from '../support/pipeline-harness';
import { faultRig } from '../support/fault-rig';
import { eventually, TestReceiver } from '../support/receiver';
import { FAULT_DATABASES } from '../support/test-databases';

const PUBLISHED = 600;
const RETRY_DELAY_MS = 10_000;

describe.each(FAULT_DATABASES)('on $name', (database) => {
  describe.each([
    { variant: 'its delayed jobs kept in Redis', flushRedis: false },
    { variant: 'its delayed jobs lost with Redis', flushRedis: true },
  ])('fault: retries scheduled across a worker restart, $variant', ({ variant, flushRedis }) => {
    const rig = faultRig({
      database,
      prefix: 'hlclock',
      receiver: new TestReceiver(),
      options: (redisUrl, prefix) => faultOptions(redisUrl, prefix, { retry: { schedule: [RETRY_DELAY_MS], jitter: 0.1 } }),
    });
    const { redis, receiver, workers } = rig;

    it('sends each retry after the restart, and never before its next_attempt_at', async () => {
      const tenant = 'clock-shop';
      await rig.publisher.subscriptions.create({ tenant, url: receiver.url('/clock'), events: ['points.*'] });
      // The first attempt of every delivery fails, so each gets a retry scheduled ~10 s ahead.
      const seen = new Set<string>();
      receiver.respond = (request) => {
        const id = String(request.headers['webhook-id']);
        if (seen.has(id)) return { status: 200 };
        seen.add(id);
        return { status: 503 };
      };
      let worker = await workers.start();
      await publishPoints(rig.publisher, PUBLISHED, tenant);
      await eventually(
        async () => (await rig.db.dataSource.query(`SELECT id FROM webhook_delivery WHERE attempt_count = 1 AND status = 'pending'`)).length === PUBLISHED,
        90_000,
        50,
      );

      // Killed while every retry is still ahead; what it had scheduled must survive it.
      await worker.kill();
      const killedAt = Date.now();
      const due = new Map<string, number>(
        ((await rig.db.dataSource.query('SELECT id, next_attempt_at FROM webhook_delivery')) as { id: string; next_attempt_at: string }[]).map((r) => [
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

      await eventually(async () => (await deliveryIds(rig.db.dataSource)).undelivered === 0, 30_000, 200);
      const retries = receiver.requests.filter((r) => r.receivedAt > killedAt);
      const early = retries.filter((r) => r.receivedAt < due.get(String(r.headers['webhook-id']))!);
      const lateness = retries.map((r) => r.receivedAt - due.get(String(r.headers['webhook-id']))!);
      // Tallied over the retries: each delivery's must arrive after the restart, once.
      const result = tally((await deliveryIds(rig.db.dataSource)).all, { requests: retries });
      console.log(
        `fault clock-restart (${database.name}, ${variant}; retries due ${earliestDue - killedAt}-${Math.max(...due.values()) - killedAt} ms after the kill, ` +
          `${dueAfterRestart} after the restart ${restartedAt - killedAt} ms after it; ` +
          `sent ${Math.min(...lateness)}-${Math.max(...lateness)} ms after due): ${JSON.stringify(result)}`,
      );
      expect(early).toEqual([]);
      expect(result).toMatchObject({ published: PUBLISHED, unique: PUBLISHED, lost: 0 });
      // Two requests per delivery, the failed first attempt and the retry: none sent a third time.
      expect(receiver.requests).toHaveLength(2 * PUBLISHED);
      expect(await strandedDeliveries(rig.db.dataSource, 0)).toEqual([]);
      expect(worker.alive).toBe(true);
    }, 180_000);
  });
});
