import { ALL_DRIVERS } from '../support/drivers';
import { eventually } from '../support/receiver';
import { receiverSuite } from '../support/receiver-suite';
import { createTestApp, type TestApp } from '../support/test-app';

const BURST = 3_000;

/** Ids of the deliveries the receiver accepted, and how often each arrived. */
function accepted(receiver: { requests: { headers: Record<string, unknown> }[] }, acceptedIndexes: Set<number>) {
  const counts = new Map<string, number>();
  receiver.requests.forEach((request, index) => {
    if (!acceptedIndexes.has(index)) return;
    const id = String(request.headers['webhook-id']);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  });
  return counts;
}

async function publishBurst(t: TestApp, tenant: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    await t.publisher.publishMany(
      Array.from({ length: Math.min(500, count - start) }, (_, i) => ({ type: 'points.earned', data: { customer_id: `c${start + i}`, amount: 1 }, tenant })),
    );
  }
}

// The most common shape in a loyalty backend: one shop, one endpoint, a burst. Every option but
// worker.concurrency at its default: the adaptive limit, the breaker, the retry schedule.
describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('a burst to one endpoint on %s', (_name, makeDriver) => {
  let t: TestApp;
  const receiver = receiverSuite(makeDriver, async (driver) => (t = await createTestApp(driver, { worker: { concurrency: 50 } })));
  const tenant = () => `burst-${Math.random().toString(36).slice(2, 8)}`;
  const statuses = async (shop: string) => {
    const rows: { status: string; n: number | string }[] = await t.dataSource.query(
      `SELECT status, COUNT(*) AS n FROM webhook_delivery WHERE tenant = '${shop}' GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  };

  it(`delivers each of ${BURST} deliveries exactly once, none deferred, no attempt spent twice`, async () => {
    const shop = tenant();
    const sub = await t.subscriptions.create({ tenant: shop, url: receiver.url('/burst'), events: ['*'] });
    await publishBurst(t, shop, BURST);
    await eventually(async () => (await statuses(shop)).delivered === BURST, 120_000, 100);
    const counts = accepted(receiver, new Set(receiver.requests.map((_, i) => i)));
    expect(counts.size).toBe(BURST);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const [row] = await t.dataSource.query(`SELECT MAX(attempt_count) AS most FROM webhook_delivery WHERE subscription_id = '${sub.id}'`);
    expect(Number(row.most)).toBe(1);
    // The endpoint kept up, so it earned more than the initial limit of 10.
    expect(t.runtime.processor.slots.limitOf(sub.id)).toBeGreaterThan(10);
    // …which its stats and the metric show, from the row a worker reports it to.
    await eventually(async () => ((await t.runtime.stats.forSubscription(sub.id, { tenant: shop, windowMs: 3_600_000 })).concurrencyLimit ?? 0) > 10, 15_000);
    const { body } = await t.runtime.metrics.render();
    expect(body).toMatch(new RegExp(`hookline_endpoint_concurrency_limit\\{subscription_id="${sub.id}"\\} \\d+`));
  }, 150_000);

  it('delivers everything to an endpoint that answers 503 for a moment mid-burst, without opening its circuit', async () => {
    const shop = tenant();
    const sub = await t.subscriptions.create({ tenant: shop, url: receiver.url('/blip'), events: ['*'] });
    const ok = new Set<number>();
    let blipFrom = Number.POSITIVE_INFINITY;
    receiver.respond = (_request, index) => {
      // 503 from the 500th request for 1.5 s (the blip is timed; nothing below asserts on time).
      if (index === 500) blipFrom = Date.now();
      if (Date.now() >= blipFrom && Date.now() < blipFrom + 1_500) return { status: 503 };
      ok.add(index);
      return { status: 200 };
    };
    await publishBurst(t, shop, 1_000);
    await eventually(async () => (await statuses(shop)).delivered === 1_000, 60_000, 100);
    const counts = accepted(receiver, ok);
    expect(counts.size).toBe(1_000);
    expect(receiver.requests.length).toBeGreaterThan(1_000); // some attempts met the blip…
    const [row] = await t.dataSource.query(`SELECT breaker_open_until, failure_streak FROM webhook_subscription WHERE id = '${sub.id}'`);
    expect(row.breaker_open_until).toBeNull(); // …yet the circuit never opened
    expect(Number(row.failure_streak)).toBe(0);
  }, 90_000);
});
