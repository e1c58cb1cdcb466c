import { ManualClock } from '@hookline/core';
import { ALL_DRIVERS } from '../support/drivers';
import { createTestApp, type TestApp } from '../support/test-app';

const DAY = 24 * 60 * 60 * 1000;

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('retention pruning on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  let t: TestApp;

  beforeAll(async () => {
    await driver.setUp();
    t = await createTestApp(driver, { clock, worker: { enabled: false }, sweeper: { enabled: false }, retention: { batchSize: 2 } });
  });

  afterAll(async () => {
    await t?.close();
    await driver.tearDown();
  });

  async function message(ageDays: number, statuses: string[]): Promise<string> {
    clock.set(Date.UTC(2026, 0, 1) - ageDays * DAY);
    const tenant = `ret-${Math.random().toString(36).slice(2, 8)}`;
    for (let i = 0; i < statuses.length; i += 1) {
      await t.subscriptions.create({ tenant, url: 'https://example.com/hook', events: ['*'] });
    }
    const { messageId } = await t.publisher.publish('points.earned', { customer_id: 'c', amount: 1 }, { tenant });
    const deliveries: { id: string }[] = await t.dataSource.query(`SELECT id FROM webhook_delivery WHERE message_id = '${messageId}' ORDER BY id`);
    for (const [i, { id }] of deliveries.entries()) {
      const at = clock.now().getTime();
      await t.dataSource.query(`UPDATE webhook_delivery SET status = '${statuses[i]}' WHERE id = '${id}'`);
      await t.dataSource.query(
        `INSERT INTO webhook_attempt (id, delivery_id, tenant, started_at, duration_ms, status_code) VALUES ('att_${id.slice(4)}', '${id}', '${tenant}', ${at}, 5, 200)`,
      );
    }
    return messageId;
  }

  const exists = async (table: string, column: string, id: string) =>
    Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = '${id}'`))[0].n) > 0;

  it('removes exactly what the policy no longer keeps', async () => {
    const recentDelivered = await message(5, ['delivered']);
    const oldDelivered = await message(40, ['delivered', 'delivered']);
    const oldWithFailure = await message(40, ['delivered', 'failed']);
    const ancientFailed = await message(100, ['failed']);
    const ancientPending = await message(100, ['pending']);
    clock.set(Date.UTC(2026, 0, 1));

    const result = await t.runtime.pruner.prune();

    expect(await exists('webhook_message', 'id', recentDelivered)).toBe(true);
    expect(await exists('webhook_message', 'id', oldDelivered)).toBe(false);
    expect(await exists('webhook_delivery', 'message_id', oldDelivered)).toBe(false);
    expect(await exists('webhook_message', 'id', oldWithFailure)).toBe(true);
    expect(await exists('webhook_message', 'id', ancientFailed)).toBe(false);
    expect(await exists('webhook_message', 'id', ancientPending)).toBe(true);
    expect(await exists('webhook_delivery', 'message_id', ancientPending)).toBe(true);
    // Attempts older than 30 days go even where their message stays.
    const attemptsLeft: { started_at: string | number }[] = await t.dataSource.query('SELECT started_at FROM webhook_attempt');
    expect(attemptsLeft.every((a) => Number(a.started_at) >= Date.UTC(2026, 0, 1) - 30 * DAY)).toBe(true);
    expect(attemptsLeft).toHaveLength(1);
    expect(result).toEqual({ attempts: 6, messages: 2, deliveries: 3, inbox: 0 });
  });

  it('forgets received webhooks\' ids after retention.inboxDays, with the rest of the log', async () => {
    const t2 = await createTestApp(driver, { clock, worker: { enabled: false }, sweeper: { enabled: false }, retention: { inboxDays: 7 } });
    try {
      for (const [id, ageDays] of [['evt_8d', 8], ['evt_6d', 6]] as const) {
        clock.set(Date.UTC(2026, 0, 1) - ageDays * DAY);
        await t2.runtime.inbox.processOnce({ sender: 'payments', id }, () => undefined);
      }
      clock.set(Date.UTC(2026, 0, 1));
      expect((await t2.runtime.pruner.prune()).inbox).toBe(1);
      const left: { event_id: string }[] = await t2.dataSource.query(`SELECT event_id FROM webhook_inbox WHERE sender = 'payments'`);
      expect(left.map((r) => r.event_id)).toEqual(['evt_6d']);
    } finally {
      await t2.close();
    }
  });
});
