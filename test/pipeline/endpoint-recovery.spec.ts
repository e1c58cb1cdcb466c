import { ALL_DRIVERS } from '../support/drivers';
import { publishPoints } from '../support/pipeline-harness';
import { eventually } from '../support/receiver';
import { receiverSuite } from '../support/receiver-suite';
import { createTestApp, type TestApp } from '../support/test-app';

const SLOW_MS = 1_500;
const EVENTS = 300;
/** Deliveries put back at least this far ahead while the endpoint was slow. */
const FAR_MS = 20_000;

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('an endpoint that recovers from slowness on %s', (_name, makeDriver) => {
  let t: TestApp;
  const receiver = receiverSuite(makeDriver, async (driver) => (t = await createTestApp(driver)));

  it('gets the deliveries it had put back far ahead once it answers fast, each once, none waiting for the time it was put back to', async () => {
    let slow = true;
    receiver.respond = async () => {
      if (slow) await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      return { status: 200 };
    };
    const shop = `shop-${Math.random().toString(36).slice(2, 10)}`;
    await t.subscriptions.create({ tenant: shop, url: receiver.url('/recovering'), events: ['*'] });
    await publishPoints(t.runtime, EVENTS, shop, { batchSize: 50 });
    // Slow (1.5 s per attempt at 10 in flight): what cannot start within 5 s is put back, spaced at its pace.
    let far: { id: string; next_attempt_at: string | number }[] = [];
    await eventually(async () => {
      far = await t.dataSource.query(
        `SELECT id, next_attempt_at FROM webhook_delivery WHERE tenant = '${shop}' AND status = 'pending' AND attempt_count = 0 AND next_attempt_at > ${Date.now() + FAR_MS}`,
      );
      return far.length >= 50;
    }, 20_000);
    slow = false;
    let rows: { id: string; status: string; attempt_count: string | number }[] = [];
    await eventually(async () => {
      rows = await t.dataSource.query(`SELECT id, status, attempt_count FROM webhook_delivery WHERE tenant = '${shop}'`);
      return rows.every((row) => row.status !== 'pending');
    }, 45_000);
    expect(rows).toHaveLength(EVENTS);
    expect(rows.every((row) => row.status === 'delivered' && Number(row.attempt_count) === 1)).toBe(true);
    expect(receiver.requests).toHaveLength(EVENTS);
    // Each of those arrived before the time it had been put back to: brought forward, not waited out.
    const received = new Map(receiver.requests.map((r) => [JSON.parse(r.body).data.customer_id as string, r.receivedAt]));
    const messages: { id: string; customer: string }[] = await t.dataSource.query(
      `SELECT d.id, m.payload AS customer FROM webhook_delivery d JOIN webhook_message m ON m.id = d.message_id WHERE d.tenant = '${shop}'`,
    );
    const customerOf = new Map(messages.map((m) => [m.id, JSON.parse(m.customer).customer_id as string]));
    for (const row of far) expect(received.get(customerOf.get(row.id)!)!).toBeLessThan(Number(row.next_attempt_at));
    // And none put back later (their write landing after a look) was left to wait it out either.
    const soonestPutBack = Math.min(...far.map((row) => Number(row.next_attempt_at)));
    expect(Math.max(...receiver.requests.map((r) => r.receivedAt))).toBeLessThan(soonestPutBack);
  }, 90_000);
});
