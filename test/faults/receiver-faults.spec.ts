import { FaultyReceiver, HUGE_BODY_BYTES, PRIVATE_REDIRECT_TARGET, type ReceiverFault } from '../support/faulty-receiver';
import { deliveryIds, faultOptions, publishPoints, strandedDeliveries, tally } from '../support/pipeline-harness';
import { faultRig } from '../support/fault-rig';
import { eventually } from '../support/receiver';
import { FAULT_DATABASES } from '../support/test-databases';

const TIMEOUT_MS = 1_000;
const ATTEMPTS = 3;
const PER_FAULT = 4;
/** Each fault, and the error kind its attempts must be recorded with. */
const FAULTS: { fault: ReceiverFault; error: RegExp; status: number | null }[] = [
  { fault: 'hang', error: /^timeout: No complete response within 1000 ms/, status: null },
  { fault: 'reset', error: /^network: .*(ECONNRESET|socket hang up|other side closed)/i, status: null },
  { fault: 'redirect', error: new RegExp(`^redirect: HTTP 302 redirect to ${PRIVATE_REDIRECT_TARGET} not followed`), status: 302 },
  { fault: 'redirect-loopback', error: /^redirect: HTTP 302 redirect to http:\/\/127\.0\.0\.1:\d+\/redirected not followed/, status: 302 },
  { fault: 'huge-body', error: /^http-status: HTTP 500$/, status: 500 },
  { fault: 'slow-body', error: /^timeout: No complete response within 1000 ms/, status: 200 },
];

interface AttemptRow {
  delivery_id: string;
  status_code: number | null;
  response_excerpt: string | null;
  error: string | null;
  duration_ms: number;
}

describe.each(FAULT_DATABASES)('on $name', (database) => {
  describe.each(['axios', 'undici'] as const)('fault: receivers that misbehave (%s transport)', (transport) => {
    const rig = faultRig({
      database,
      prefix: 'hlrecv',
      receiver: new FaultyReceiver(),
      options: (redisUrl, prefix) =>
        faultOptions(redisUrl, prefix, {
          retry: { schedule: [200, 400], jitter: 0 },
          delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'], timeoutMs: TIMEOUT_MS, transport },
          worker: { concurrency: 20, leaseMarginMs: 1_000, shutdownGraceMs: 2_000 },
        }),
    });
    const { receiver, workers } = rig;

    it('records every fault as a failed attempt while healthy deliveries keep flowing', async () => {
      await rig.publisher.subscriptions.create({ tenant: 'healthy', url: receiver.url('ok'), events: ['points.*'] });
      for (const { fault } of FAULTS) {
        await rig.publisher.subscriptions.create({ tenant: fault, url: receiver.url(fault), events: ['points.*'] });
      }
      const worker = await workers.start();
      await publishPoints(rig.publisher, 200, 'healthy');
      await eventually(async () => (await deliveryIds(rig.db.dataSource)).undelivered === 0, 20_000, 100);
      const memoryBefore = await worker.memory();

      // Healthy deliveries go on being published, one batch every 100 ms, while the faults play out.
      let faultsOver = false;
      const healthyDuringFaults = (async () => {
        let batches = 0;
        for (; !faultsOver; batches += 1) {
          await publishPoints(rig.publisher, 20, 'healthy');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return batches * 20;
      })();
      const faultsFrom = Date.now();
      for (const { fault } of FAULTS) await publishPoints(rig.publisher, PER_FAULT, fault);
      const faulty = await rig.db.dataSource.query(`SELECT id FROM webhook_delivery WHERE tenant <> 'healthy'`);
      expect(faulty).toHaveLength(FAULTS.length * PER_FAULT);
      await eventually(
        async () => (await rig.db.dataSource.query(`SELECT id FROM webhook_delivery WHERE tenant <> 'healthy' AND status <> 'failed'`)).length === 0,
        40_000,
        200,
      );
      faultsOver = true;
      const healthyPublishedDuring = await healthyDuringFaults;
      const faultsUntil = Date.now();
      const memoryAfter = await worker.memory();

      // After the faults, the same worker delivers a fresh batch promptly.
      const afterFrom = Date.now();
      await publishPoints(rig.publisher, 500, 'healthy');
      await eventually(async () => (await deliveryIds(rig.db.dataSource)).undelivered === FAULTS.length * PER_FAULT, 20_000, 100);
      const afterMs = Date.now() - afterFrom;

      for (const { fault, error, status } of FAULTS) {
        const attempts: AttemptRow[] = await rig.db.dataSource.query(
          `SELECT a.delivery_id, a.status_code, a.response_excerpt, a.error, a.duration_ms
             FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.tenant = '${fault}'`,
        );
        expect({ fault, attempts: attempts.length }).toEqual({ fault, attempts: PER_FAULT * ATTEMPTS });
        for (const attempt of attempts) {
          expect({ fault, error: attempt.error }).toEqual({ fault, error: expect.stringMatching(error) });
          expect({ fault, status: attempt.status_code }).toEqual({ fault, status });
        }
        expect(receiver.received(fault)).toHaveLength(PER_FAULT * ATTEMPTS);
      }
      // Timeouts are enforced on the whole exchange: no hanging or dribbling attempt outlived it by much.
      const slow: AttemptRow[] = await rig.db.dataSource.query(
        `SELECT a.duration_ms FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.tenant IN ('hang', 'slow-body')`,
      );
      expect(Math.max(...slow.map((a) => Number(a.duration_ms)))).toBeLessThan(TIMEOUT_MS + 500);
      // Redirects are never followed: the reachable loopback target got nothing, so neither was the private one tried.
      expect(receiver.received('redirected')).toHaveLength(0);
      // The 100 MB body: the excerpt is capped, the rest was never read.
      const huge: AttemptRow[] = await rig.db.dataSource.query(
        `SELECT a.response_excerpt FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id WHERE d.tenant = 'huge-body'`,
      );
      expect(Math.max(...huge.map((a) => a.response_excerpt?.length ?? 0))).toBeLessThanOrEqual(4_096);
      expect(huge.every((a) => /^x+$/.test(a.response_excerpt ?? ''))).toBe(true);
      expect(receiver.hugeBodyBytesSent).toHaveLength(PER_FAULT * ATTEMPTS);
      expect(Math.max(...receiver.hugeBodyBytesSent)).toBeLessThan(HUGE_BODY_BYTES / 10);
      const rssGrowthMb = (memoryAfter.rss - memoryBefore.rss) / 2 ** 20;
      expect(rssGrowthMb).toBeLessThan(100);

      // Healthy deliveries kept arriving all through the faults.
      const healthyDuring = receiver.received('ok').filter((r) => r.receivedAt >= faultsFrom && r.receivedAt <= faultsUntil);
      const gaps = healthyDuring.slice(1).map((r, i) => r.receivedAt - healthyDuring[i].receivedAt);
      const maxGapMs = Math.max(...gaps);
      expect(healthyDuring.length).toBeGreaterThan(healthyPublishedDuring / 2);
      expect(maxGapMs).toBeLessThan(1_000);
      expect(afterMs).toBeLessThan(5_000);
      expect(worker.alive).toBe(true);

      const result = tally((await deliveryIds(rig.db.dataSource)).all, receiver);
      console.log(
        `fault receivers (${database.name}, ${transport}; ${FAULTS.length} faults x ${PER_FAULT} deliveries x ${ATTEMPTS} attempts; healthy max gap ${maxGapMs} ms, ` +
          `500 after in ${afterMs} ms; worker rss ${Math.round(memoryBefore.rss / 2 ** 20)} -> ${Math.round(memoryAfter.rss / 2 ** 20)} MB; ` +
          `huge body bytes sent max ${Math.max(...receiver.hugeBodyBytesSent)}): ${JSON.stringify(result)}`,
      );
      expect(result.lost).toBe(0);
      expect(result.unique).toBe(result.published);
      expect(await strandedDeliveries(rig.db.dataSource, 0)).toEqual([]);
    }, 120_000);
  });
});
