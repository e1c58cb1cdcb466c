import { placeStatement } from './place-statement';

describe('placeStatement', () => {
  const pg = `CREATE INDEX "idx_webhook_delivery_due" ON "webhook_delivery" ("next_attempt_at") WHERE status = 'pending'`;
  const mysql = 'CREATE TABLE webhook_inbox (sender varchar(128) NOT NULL, INDEX idx_webhook_inbox_received (received_at), PRIMARY KEY (sender)) ENGINE=InnoDB';

  it('leaves statements alone without a placement', () => {
    expect(placeStatement(pg, {}, true)).toBe(pg);
    expect(placeStatement(mysql, {}, false)).toBe(mysql);
  });

  it('qualifies quoted table names with the schema, never index or constraint names', () => {
    expect(placeStatement(pg, { schema: 'hookline' }, true)).toBe(
      `CREATE INDEX "idx_webhook_delivery_due" ON "hookline"."webhook_delivery" ("next_attempt_at") WHERE status = 'pending'`,
    );
    expect(placeStatement(`CREATE TABLE "webhook_api_key" (CONSTRAINT "PK_webhook_api_key" PRIMARY KEY ("id"))`, { schema: 's' }, true)).toBe(
      `CREATE TABLE "s"."webhook_api_key" (CONSTRAINT "PK_webhook_api_key" PRIMARY KEY ("id"))`,
    );
  });

  it('prefixes bare MySQL table names, not the indexes named after them', () => {
    expect(placeStatement(mysql, { tablePrefix: 'hl_' }, false)).toBe(
      'CREATE TABLE hl_webhook_inbox (sender varchar(128) NOT NULL, INDEX idx_webhook_inbox_received (received_at), PRIMARY KEY (sender)) ENGINE=InnoDB',
    );
    expect(placeStatement('ALTER TABLE webhook_subscription ADD concurrency_limit int NULL', { tablePrefix: 'app_' }, false)).toBe(
      'ALTER TABLE app_webhook_subscription ADD concurrency_limit int NULL',
    );
  });
});
