import { postgresBullmq, type TestDriver } from '../support/drivers';
import { createTestApp, type TestApp } from '../support/test-app';

/** The suite's PostgreSQL driver with a pool of one connection, so every statement meets the same session. */
function oneConnection(driver: TestDriver): TestDriver {
  return {
    ...driver,
    database: () => {
      const options = driver.database() as { extra?: Record<string, unknown> };
      return { ...options, extra: { ...options.extra, max: 1 } } as ReturnType<TestDriver['database']>;
    },
  };
}

describe.each([true, false])('PostgreSQL with database.preparedStatements: %s', (preparedStatements) => {
  const driver = oneConnection(postgresBullmq());
  let t: TestApp;

  beforeAll(async () => {
    await driver.setUp();
    t = await createTestApp(driver, { worker: { enabled: false }, sweeper: { enabled: false }, database: { preparedStatements } });
  });

  afterAll(async () => {
    await t?.close();
    await driver.tearDown();
  });

  it('publishes and claims, preparing the hot statements only when asked to', async () => {
    const tenant = `prep-${Math.random().toString(36).slice(2, 10)}`;
    await t.subscriptions.create({ tenant, url: 'http://127.0.0.1:9/prepared', events: ['*'] });
    for (let i = 0; i < 3; i += 1) await t.publisher.publish('points.earned', { customer_id: `c${i}` }, { tenant });
    const ids = ((await t.dataSource.query(`SELECT id FROM webhook_delivery WHERE tenant = '${tenant}'`)) as { id: string }[]).map((r) => r.id);
    expect(ids).toHaveLength(3);

    const now = new Date();
    const work = await t.runtime.store.claimWork(ids, now, new Date(now.getTime() + 60_000));
    expect(work.map((w) => w.id).sort()).toEqual([...ids].sort());

    const prepared: { name: string; statement: string }[] = await t.dataSource.query(
      `SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'hookline_%'`,
    );
    if (preparedStatements) {
      // The subscription lookup, the message write and the claim, each parsed once on this connection.
      expect(prepared.length).toBeGreaterThanOrEqual(3);
      expect(prepared.some((p) => /UPDATE \S*webhook_delivery\S*( AS \w+)? SET locked_until/.test(p.statement))).toBe(true);
    } else {
      expect(prepared).toEqual([]);
    }
  });
});
