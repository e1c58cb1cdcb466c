import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { WebhookPublisher, WebhookSubscriptions } from '@hookline/nestjs';
import { POSTGRES_URL, postgresAdmin } from '../support/drivers';
import { runMigrateCli } from '../support/migrate-cli';
import { TestReceiver } from '../support/receiver';

const root = join(__dirname, '..', '..');

// The example names schema "hookline" itself, as a user would: this suite is the only one using it.
describe('README: Hookline tables in a schema of their own (examples/table-placement)', () => {
  const receiver = new TestReceiver();
  let app: INestApplication;

  beforeAll(async () => {
    await postgresAdmin('DROP SCHEMA IF EXISTS hookline CASCADE');
    process.env.DATABASE_URL = POSTGRES_URL;
    process.env.HOOKLINE_ENCRYPTION_KEY = randomBytes(32).toString('base64');
    await receiver.start();
    const { AppModule } = await import('../../examples/table-placement/hookline-schema.module');
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .compile();
    app = moduleRef.createNestApplication({ logger: ['error'] });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await receiver.stop();
    await postgresAdmin('DROP SCHEMA IF EXISTS hookline CASCADE');
  });

  it('is embedded in the README verbatim', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(readFileSync(join(root, 'examples', 'table-placement', 'hookline-schema.module.ts'), 'utf8').replace(/\n$/, ''));
  });

  it('puts every Hookline table in schema hookline, off the search path, and works from there', async () => {
    const dataSource = app.get(DataSource);
    const where = (await dataSource.query(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_name LIKE 'webhook\\_%' OR table_name = 'hookline_migrations' ORDER BY table_name`,
    )) as { table_schema: string; table_name: string }[];
    expect(where.filter((row) => row.table_schema === 'hookline').map((row) => row.table_name)).toEqual([
      'hookline_migrations', 'webhook_api_key', 'webhook_attempt', 'webhook_delivery', 'webhook_inbox', 'webhook_message', 'webhook_subscription',
    ]);
    const [{ search_path: searchPath }] = (await dataSource.query('SHOW search_path')) as { search_path: string }[];
    expect(searchPath).not.toContain('hookline');
    // The receiver is a loopback test server: the example's defaults refuse http://127.0.0.1 URLs.
    const subscriptions = app.get(WebhookSubscriptions);
    await expect(subscriptions.create({ tenant: 'shop', url: receiver.url('/n'), events: ['points.earned'] })).rejects.toMatchObject({ code: 'HOOKLINE_INVALID_SUBSCRIPTION' });
    const published = await app.get(WebhookPublisher).publish('points.earned', { customer_id: 'c', amount: 1 }, { tenant: 'shop' });
    expect(published).toMatchObject({ duplicate: false, deliveryCount: 0 });
    const [{ n }] = (await dataSource.query('SELECT COUNT(*)::int AS n FROM hookline.webhook_message')) as { n: number }[];
    expect(n).toBe(1);
  });

  it('hookline-migrate finds the same place through DATABASE_SCHEMA', async () => {
    const status = await runMigrateCli(['status'], { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: 'hookline' });
    expect(status.exitCode).toBe(0);
    const elsewhere = await runMigrateCli(['status'], { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: `hl_empty_${randomBytes(3).toString('hex')}` });
    expect(elsewhere.exitCode).toBe(1);
  });
});
