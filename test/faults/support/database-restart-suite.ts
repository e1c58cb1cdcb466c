import { deliveryIds, strandedDeliveries, tally } from '../../support/pipeline-harness';
import { faultRig, type DatabaseServer } from '../../support/fault-rig';
import { eventually, TestReceiver } from '../../support/receiver';
import type { TestDatabase } from '../../support/test-databases';

const BATCHES = 160;
const BATCH_SIZE = 20;

interface PublishCall {
  keys: string[];
  error?: Error;
}

/**
 * The database restart fault, on a server of the suite's own: stopped (connections dropped) while
 * publishes and deliveries are in flight, down 2 s, started again. `label` names its tally line.
 */
export function databaseRestartSuite(database: TestDatabase, server: DatabaseServer, label: string): void {
  const rig = faultRig({ database, prefix: 'hlrestart', receiver: new TestReceiver(), server });
  const { receiver, workers } = rig;

  it('rejects publishes clearly while it is down and delivers every publish that resolved', async () => {
    const tenant = 'restart-shop';
    await rig.publisher.subscriptions.create({ tenant, url: receiver.url('/restart'), events: ['points.*'] });
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
          await rig.publisher.publisher.publishMany(
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
    await server.stop();
    const atStop = receiver.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await server.start();
    await publishing;

    const resolved = calls.filter((c) => !c.error).flatMap((c) => c.keys);
    const rejected = calls.filter((c) => c.error);
    const stored = new Set(
      ((await rig.db.dataSource.query('SELECT idempotency_key FROM webhook_message')) as { idempotency_key: string }[]).map((r) => r.idempotency_key),
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

    await eventually(async () => (await deliveryIds(rig.db.dataSource)).undelivered === 0, 60_000, 200);
    const result = tally((await deliveryIds(rig.db.dataSource)).all, receiver);
    console.log(
      `fault ${label} (stopped at ${atStop} received, down 2 s; ${rejected.length} of ${calls.length} publish calls rejected: ${causes.join(' | ')}): ${JSON.stringify(result)}`,
    );
    expect(result).toMatchObject({ published: resolved.length, unique: resolved.length, lost: 0 });
    expect(await strandedDeliveries(rig.db.dataSource, 0)).toEqual([]);
    // The same worker processes rode out the outage: they saw it, retried, and kept going.
    expect(started.every((w) => w.alive)).toBe(true);
    expect(started.flatMap((w) => w.log).some((line) => /Sweep failed/.test(line))).toBe(true);
  }, 120_000);
}
