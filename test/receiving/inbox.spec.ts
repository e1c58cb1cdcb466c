import { ManualClock } from '@hookline/core';
import { HOOKLINE_ENTITIES, InvalidInboxKeyError, createWebhookInbox, type WebhookInbox } from '@hookline/engine';
import { DataSource, type EntityManager } from 'typeorm';
import { ALL_DRIVERS } from '../support/drivers';

const DAY = 24 * 60 * 60 * 1000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ALL_DRIVERS.map((make) => [make().name, make] as const))('the inbox on %s', (_name, makeDriver) => {
  const driver = makeDriver();
  const clock = new ManualClock(Date.UTC(2026, 5, 1));
  let dataSource: DataSource;
  let inbox: WebhookInbox;

  beforeAll(async () => {
    await driver.setUp();
    dataSource = await new DataSource({ ...(driver.database() as object), entities: driver.entities ?? HOOKLINE_ENTITIES } as never).initialize();
    await dataSource.query('CREATE TABLE host_ledger (entry_id varchar(64) NOT NULL PRIMARY KEY, amount integer NOT NULL)');
    inbox = createWebhookInbox(dataSource, { clock });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await driver.tearDown();
  });

  const ledger = async (entryId: string): Promise<number> =>
    Number((await dataSource.query(`SELECT COUNT(*) AS n FROM host_ledger WHERE entry_id = '${entryId}'`))[0].n);
  const credit = (manager: EntityManager, entryId: string) => manager.query(`INSERT INTO host_ledger (entry_id, amount) VALUES ('${entryId}', 10)`);

  it('runs the handler for the first copy and skips a redelivery', async () => {
    let runs = 0;
    const first = await inbox.processOnce({ sender: 'payments', id: 'evt_1' }, () => ++runs);
    const again = await inbox.processOnce({ sender: 'payments', id: 'evt_1' }, () => ++runs);
    expect(first).toEqual({ processed: true, result: 1 });
    expect(again).toEqual({ processed: false });
    expect(runs).toBe(1);
  });

  it('keeps senders apart, and compares ids exactly (case included)', async () => {
    const ran: string[] = [];
    for (const [sender, id] of [['payments', 'evt_2'], ['shop', 'evt_2'], ['payments', 'EVT_2']]) {
      await inbox.processOnce({ sender, id }, () => ran.push(`${sender}/${id}`));
    }
    expect(ran).toEqual(['payments/evt_2', 'shop/evt_2', 'payments/EVT_2']);
  });

  it('commits the inbox row with the handler\'s writes, and rolls both back when the handler throws', async () => {
    await expect(
      inbox.processOnce({ sender: 'payments', id: 'evt_3' }, async (manager) => {
        await credit(manager, 'evt_3');
        throw new Error('the handler failed after writing');
      }),
    ).rejects.toThrow('the handler failed after writing');
    expect(await ledger('evt_3')).toBe(0);
    // The sender's retry is processed, since nothing of the failed try stayed.
    const retry = await inbox.processOnce({ sender: 'payments', id: 'evt_3' }, (manager) => credit(manager, 'evt_3').then(() => 'credited'));
    expect(retry).toEqual({ processed: true, result: 'credited' });
    expect(await ledger('evt_3')).toBe(1);
  });

  it('joins the host\'s transaction when given its manager: the host\'s rollback forgets the id', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        const outcome = await inbox.processOnce({ sender: 'payments', id: 'evt_4' }, (m) => credit(m, 'evt_4'), { manager });
        expect(outcome.processed).toBe(true);
        throw new Error('the host rolls back later in its transaction');
      }),
    ).rejects.toThrow('the host rolls back');
    expect(await ledger('evt_4')).toBe(0);
    await dataSource.transaction((manager) => inbox.processOnce({ sender: 'payments', id: 'evt_4' }, (m) => credit(m, 'evt_4'), { manager }));
    expect(await ledger('evt_4')).toBe(1);
  });

  it('runs the handler once when copies arrive together', async () => {
    let runs = 0;
    const copies = await Promise.all(
      Array.from({ length: 8 }, () =>
        inbox.processOnce({ sender: 'payments', id: 'evt_5' }, async (manager) => {
          runs += 1;
          await pause(50);
          await credit(manager, `evt_5-${runs}`);
        }),
      ),
    );
    expect(copies.filter((c) => c.processed)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it('lets a waiting copy run the handler when the first one fails', async () => {
    const order: string[] = [];
    const first = inbox.processOnce({ sender: 'payments', id: 'evt_6' }, async () => {
      order.push('first');
      await pause(100);
      throw new Error('first copy failed');
    });
    await pause(20);
    const second = inbox.processOnce({ sender: 'payments', id: 'evt_6' }, async (manager) => {
      order.push('second');
      await credit(manager, 'evt_6');
    });
    await expect(first).rejects.toThrow('first copy failed');
    await expect(second).resolves.toEqual({ processed: true, result: undefined });
    expect(order).toEqual(['first', 'second']);
    expect(await ledger('evt_6')).toBe(1);
  });

  it('forgets ids older than its retention, and only those', async () => {
    clock.set(Date.UTC(2026, 5, 1) - 31 * DAY);
    await inbox.processOnce({ sender: 'old', id: 'evt_old' }, () => undefined);
    clock.set(Date.UTC(2026, 5, 1) - 29 * DAY);
    await inbox.processOnce({ sender: 'old', id: 'evt_recent' }, () => undefined);
    clock.set(Date.UTC(2026, 5, 1));
    expect(await inbox.prune()).toBe(1);
    const left = (await dataSource.query(`SELECT event_id FROM webhook_inbox WHERE sender = 'old'`)) as { event_id: string }[];
    expect(left.map((r) => r.event_id)).toEqual(['evt_recent']);
    // Forgotten, a very late redelivery would run again: the retention must outlast every sender's retries.
    expect((await inbox.processOnce({ sender: 'old', id: 'evt_old' }, () => 'ran')).processed).toBe(true);
  });

  it.each([
    ['an empty sender', { sender: '', id: 'evt' }, '/sender'],
    ['an empty id', { sender: 'payments', id: '' }, '/id'],
    ['an id of 256 characters', { sender: 'payments', id: 'x'.repeat(256) }, '/id'],
    ['a numeric id', { sender: 'payments', id: 42 }, '/id'],
  ])('refuses %s with a typed error, storing nothing', async (_label, key, pointer) => {
    const before = (await dataSource.query('SELECT COUNT(*) AS n FROM webhook_inbox'))[0].n;
    await expect(inbox.processOnce(key as never, () => undefined)).rejects.toMatchObject({ name: InvalidInboxKeyError.name, code: 'HOOKLINE_INVALID_INBOX_KEY', pointer });
    expect((await dataSource.query('SELECT COUNT(*) AS n FROM webhook_inbox'))[0].n).toBe(before);
  });
});
