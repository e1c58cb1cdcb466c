import { deliveryIds, publishPoints, strandedDeliveries, tally } from '../support/pipeline-harness';
import { faultRig } from '../support/fault-rig';
import { eventually, TestReceiver } from '../support/receiver';
import { FAULT_DATABASES } from '../support/test-databases';

const BATCH = 100;

describe.each(FAULT_DATABASES)('on $name', (database) => {
  describe('fault: worker processes killed with SIGKILL, again and again', () => {
    const rig = faultRig({ database, prefix: 'hlkill', receiver: new TestReceiver() });
    const { receiver, workers } = rig;

    it('delivers every delivery at least once across five kills of two concurrent workers', async () => {
      const tenant = 'kill-shop';
      await rig.publisher.subscriptions.create({ tenant, url: receiver.url('/kill'), events: ['points.*'] });
      // Each answer takes 20 ms, so a kill can be timed to land while attempts are in flight.
      let inFlight = 0;
      receiver.respond = async () => {
        inFlight += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight -= 1;
        return { status: 200 };
      };

      const running = { a: await workers.start(), b: await workers.start() };
      // Publishing goes on until the last kill, so every kill lands mid-run and new jobs must reach
      // whichever worker is alive.
      let killing = true;
      const publishing = (async () => {
        let published = 0;
        for (; killing; published += BATCH) {
          await publishPoints(rig.publisher, BATCH, tenant);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        return published;
      })();
      const kills: { atReceived: number; inFlight: number; killed: string }[] = [];
      for (const victims of [['a'], ['b'], ['a', 'b'], ['a'], ['b']] as const) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await eventually(() => inFlight > 0, 10_000, 1);
        kills.push({ atReceived: receiver.requests.length, inFlight, killed: victims.join('+') });
        await Promise.all(victims.map(async (name) => (running[name] = await workers.restart(running[name]))));
      }
      killing = false;
      const published = await publishing;
      const publishedAt = Date.now();

      // Generous: on a loaded 2-core machine the backlog left by the kills drains slowly.
      await eventually(async () => (await deliveryIds(rig.db.dataSource)).undelivered === 0, 90_000, 200);
      const drainMs = Date.now() - publishedAt;
      const result = tally((await deliveryIds(rig.db.dataSource)).all, receiver);
      console.log(`fault worker-sigkill (${database.name}) x${kills.length} ${JSON.stringify(kills)}, all delivered ${drainMs} ms after the last publish: ${JSON.stringify(result)}`);
      expect(result).toMatchObject({ published, unique: published, lost: 0 });
      expect(await strandedDeliveries(rig.db.dataSource, 0)).toEqual([]);
      expect(running.a.alive && running.b.alive).toBe(true);
    }, 180_000);
  });
});
