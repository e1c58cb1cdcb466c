import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { Webhook } from 'standardwebhooks';
import { HooklineRuntime, hooklineEntities, HOOKLINE_ENTITIES, WebhooksConfigError, type HooklineOptions } from '@hookline/engine';
import { WebhookApiKeys, WebhookPublisher, WebhooksModule, WebhookSubscriptions } from '@hookline/nestjs';
import { createMysqlDatabase, MYSQL_TYPE, MYSQL_URL, mysqlAdmin, POSTGRES_URL, postgresAdmin } from '../support/drivers';
import { runMigrateCli } from '../support/migrate-cli';
import { eventually, TestReceiver } from '../support/receiver';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const baseOptions = (): HooklineOptions => ({
  encryptionKey: randomBytes(32).toString('base64'),
  delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'] },
  retry: { schedule: [50] },
  sweeper: { intervalMs: 500, staleAfterMs: 1_000 },
});

/** A database where Hookline's tables live apart from the connection's default place. */
interface Placed {
  name: string;
  database: HooklineOptions['database'];
  /** The DataSource as the host opens it: its default place is not Hookline's. */
  options(): DataSourceOptions;
  /** Every table in Hookline's place, sorted. */
  tablesThere(dataSource: DataSource): Promise<string[]>;
  expectedTables: string[];
  /** hookline-migrate's environment for the same place. */
  cliEnv: Record<string, string>;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

const TABLES = ['hookline_migrations', 'webhook_api_key', 'webhook_attempt', 'webhook_delivery', 'webhook_inbox', 'webhook_message', 'webhook_subscription'];

function postgresSchema(): Placed {
  const schema = `hl_place_${randomBytes(4).toString('hex')}`;
  return {
    name: `PostgreSQL, tables in schema ${schema} (not on the search path)`,
    database: { schema },
    options: () => ({ type: 'postgres', url: POSTGRES_URL, entities: hooklineEntities({ schema }), extra: { max: 5 } }),
    tablesThere: async (dataSource) =>
      ((await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [schema])) as { table_name: string }[]).map((row) => row.table_name),
    expectedTables: TABLES,
    cliEnv: { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema },
    // No CREATE SCHEMA here: the first migration creates it.
    setUp: async () => undefined,
    tearDown: () => postgresAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

function mysqlPrefix(): Placed {
  const database = `hl_place_${randomBytes(4).toString('hex')}`;
  const tablePrefix = 'hl_';
  return {
    name: `${MYSQL_TYPE}, tables prefixed ${tablePrefix}`,
    database: { tablePrefix },
    options: () => ({ type: MYSQL_TYPE, url: `${MYSQL_URL}/${database}`, charset: 'utf8mb4_bin', entities: hooklineEntities({ tablePrefix }), extra: { connectionLimit: 5 } }),
    tablesThere: async (dataSource) =>
      ((await dataSource.query(`SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME`)) as { name: string }[]).map((row) => row.name),
    expectedTables: TABLES.map((table) => `${tablePrefix}${table}`),
    cliEnv: { DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, `${MYSQL_TYPE}:`)}/${database}`, DATABASE_TABLE_PREFIX: tablePrefix },
    setUp: () => createMysqlDatabase(database),
    tearDown: () => mysqlAdmin(`DROP DATABASE IF EXISTS ${database}`),
  };
}

describe.each([postgresSchema(), mysqlPrefix()])('Hookline with its tables placed: $name', (placed) => {
  const receiver = new TestReceiver();
  let dataSource: DataSource;
  let runtime: HooklineRuntime;

  beforeAll(async () => {
    await placed.setUp();
    await receiver.start();
    dataSource = await new DataSource(placed.options()).initialize();
    runtime = new HooklineRuntime({ ...baseOptions(), database: placed.database, migrations: 'auto' }, dataSource, quiet);
    await runtime.start();
  });

  afterAll(async () => {
    await runtime?.stop();
    await dataSource?.destroy();
    await receiver.stop();
    await placed.tearDown();
  });

  it('migrates into that place, journal included, and nothing elsewhere', async () => {
    expect(await placed.tablesThere(dataSource)).toEqual(placed.expectedTables);
    const status = await runMigrateCli(['status'], placed.cliEnv);
    expect(status).toMatchObject({ exitCode: 0 });
    expect(status.stdout).not.toMatch(/pending/i);
  });

  it('publishes in the host transaction, delivers, records the attempt and reports it', async () => {
    const subscription = await runtime.subscriptions.create({ tenant: 'shop-1', url: receiver.url('/points'), events: ['points.*'] });
    const published = await dataSource.transaction((manager) =>
      runtime.publisher.publish('points.earned', { customer_id: 'cust_1', amount: 150 }, { tenant: 'shop-1', manager }),
    );
    await receiver.waitFor(1);
    const [request] = receiver.requests;
    expect(new Webhook(subscription.secret).verify(request.body, request.headers as Record<string, string>)).toMatchObject({ data: { amount: 150 } });
    const deliveryId = request.headers['webhook-id'] as string;
    await eventually(async () => (await runtime.deliveries.get(deliveryId, { tenant: 'shop-1' })).status === 'delivered');
    const withAttempts = await runtime.deliveries.get(deliveryId, { tenant: 'shop-1' });
    expect(withAttempts.attempts.map((attempt) => attempt.statusCode)).toEqual([200]);
    expect((await runtime.messages.get(published.messageId, { tenant: 'shop-1' })).deliveries.map((d) => d.id)).toEqual([deliveryId]);
    const stats = await runtime.stats.forSubscription(subscription.id, { tenant: 'shop-1', windowMs: 3_600_000 });
    expect(stats).toMatchObject({ deliveries: { delivered: 1 } });
  });

  it('retries, fails for good, and replays from the same tables', async () => {
    const failing = new TestReceiver();
    failing.respond = () => ({ status: 500, body: 'down' });
    await failing.start();
    try {
      await runtime.subscriptions.create({ tenant: 'shop-2', url: failing.url('/down'), events: ['points.earned'] });
      const published = await runtime.publisher.publish('points.earned', { customer_id: 'cust_2', amount: 1 }, { tenant: 'shop-2' });
      await eventually(async () => (await runtime.deliveries.list({ tenant: 'shop-2', messageId: published.messageId, status: 'failed' })).data.length === 1);
      expect(failing.requests).toHaveLength(2);
      const [failed] = (await runtime.deliveries.list({ tenant: 'shop-2', messageId: published.messageId })).data;
      failing.respond = () => ({ status: 200, body: 'ok' });
      await runtime.deliveries.resend(failed.id, { tenant: 'shop-2' });
      await eventually(async () => (await runtime.deliveries.get(failed.id, { tenant: 'shop-2' })).status === 'delivered');
    } finally {
      await failing.stop();
    }
  });

  it('keeps API keys, the inbox and retention in the same place', async () => {
    const created = await runtime.apiKeys.create({ tenant: 'shop-1', scope: 'read', name: 'placed' });
    expect(await runtime.apiKeys.authenticate(created.key)).toMatchObject({ tenant: 'shop-1', scope: 'read' });
    let runs = 0;
    for (let copy = 0; copy < 2; copy++) await runtime.inbox.processOnce({ sender: 'payments', id: 'evt_1' }, () => void runs++);
    expect(runs).toBe(1);
    await expect(runtime.pruner.prune()).resolves.toMatchObject({ attempts: 0, messages: 0, inbox: 0 });
    const text = await runtime.metrics.registry.metrics();
    expect(text).toMatch(/hookline_deliveries_pending 0/);
  });

  it('deletes a subscription there', async () => {
    const subscription = await runtime.subscriptions.create({ tenant: 'shop-3', url: receiver.url('/gone'), events: ['points.earned'] });
    await runtime.subscriptions.remove(subscription.id, { tenant: 'shop-3' });
    await expect(runtime.subscriptions.get(subscription.id, { tenant: 'shop-3' })).rejects.toMatchObject({ code: 'HOOKLINE_SUBSCRIPTION_NOT_FOUND' });
  });
});

describe('placement that cannot work is refused at start-up, saying what to register', () => {
  it('options naming a schema the DataSource entities do not use', async () => {
    const dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [...HOOKLINE_ENTITIES], synchronize: true }).initialize();
    try {
      const runtime = new HooklineRuntime({ ...baseOptions(), database: { tablePrefix: 'hl_' } }, dataSource, quiet);
      const error = await runtime.start().then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(WebhooksConfigError);
      expect(error).toMatchObject({ code: 'HOOKLINE_INVALID_MODULE_OPTIONS', pointer: '/database/tablePrefix' });
      expect((error as Error).message).toMatch(/MySQL\/MariaDB/);
    } finally {
      await dataSource.destroy();
    }
  });

  it('a PostgreSQL DataSource whose entities sit elsewhere than the options say', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: POSTGRES_URL, entities: [...HOOKLINE_ENTITIES], extra: { max: 2 } }).initialize();
    try {
      const runtime = new HooklineRuntime({ ...baseOptions(), database: { schema: 'hookline' }, worker: { enabled: false }, sweeper: { enabled: false } }, dataSource, quiet);
      const error = await runtime.start().then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(WebhooksConfigError);
      expect((error as Error).message).toContain("hooklineEntities({ schema: 'hookline' })");
      expect((error as Error).message).toContain('forRootAsync');
    } finally {
      await dataSource.destroy();
    }
  });

  it('two sets of Hookline entities on one DataSource', async () => {
    const entities = [...HOOKLINE_ENTITIES, ...hooklineEntities({ schema: 'hookline_twice' })];
    const dataSource = await new DataSource({ type: 'postgres', url: POSTGRES_URL, entities, extra: { max: 2 } }).initialize();
    try {
      const runtime = new HooklineRuntime({ ...baseOptions(), worker: { enabled: false }, sweeper: { enabled: false } }, dataSource, quiet);
      await expect(runtime.start()).rejects.toThrow(/more than once \(WebhookSubscriptionEntity as webhook_subscription and hookline_twice\.webhook_subscription;/);
    } finally {
      await dataSource.destroy();
    }
  });

  it('a schema on MySQL, or a name that is not a plain identifier', () => {
    expect(() => hooklineEntities({ database: 'mysql', schema: 'hookline' })).toThrow(/database\.tablePrefix/);
    expect(() => hooklineEntities({ schema: 'Hook-Line' })).toThrow(/lower-case PostgreSQL identifier/);
    expect(() => new HooklineRuntime({ ...baseOptions(), database: { schema: 'x; DROP TABLE y' } }, {} as DataSource, quiet)).toThrow(WebhooksConfigError);
  });
});

describe.each([
  ['forRoot({ database: { schema } }) on PostgreSQL', 'forRoot', 'postgres'],
  ['forRootAsync with entities: hooklineEntities({ schema }) on PostgreSQL', 'forRootAsync', 'postgres'],
  [`forRoot({ database: { tablePrefix } }) on ${MYSQL_TYPE}, no entities extra`, 'forRoot', 'mysql'],
] as const)('WebhooksModule.%s', (_, how, database) => {
  const place = `hl_place_${randomBytes(4).toString('hex')}`;
  const placement = database === 'postgres' ? { schema: place } : { tablePrefix: 'hl_' };
  const expected = database === 'postgres' ? TABLES : TABLES.map((table) => `hl_${table}`);
  const receiver = new TestReceiver();
  let app: INestApplication;

  beforeAll(async () => {
    if (database === 'mysql') await createMysqlDatabase(place);
    await receiver.start();
    const options = { ...baseOptions(), database: placement };
    const webhooks =
      how === 'forRoot'
        ? WebhooksModule.forRoot({ ...options, dataSource: place })
        : WebhooksModule.forRootAsync({ useFactory: () => options, entities: hooklineEntities(placement), dataSource: place });
    const connection =
      database === 'postgres'
        ? { type: 'postgres' as const, url: POSTGRES_URL, extra: { max: 5 } }
        : { type: MYSQL_TYPE, url: `${MYSQL_URL}/${place}`, charset: 'utf8mb4_bin', extra: { connectionLimit: 5 } };
    // A DataSource name of its own: Nest's autoLoadEntities keeps every forFeature of a name for the whole process.
    const moduleRef = await Test.createTestingModule({
      imports: [TypeOrmModule.forRoot({ name: place, ...connection, autoLoadEntities: true }), webhooks],
    }).compile();
    app = moduleRef.createNestApplication({ logger: ['error'] });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await receiver.stop();
    if (database === 'postgres') await postgresAdmin(`DROP SCHEMA IF EXISTS ${place} CASCADE`);
    else await mysqlAdmin(`DROP DATABASE IF EXISTS ${place}`);
  });

  it('registers its entities in that place, migrates there, delivers and answers the REST API from it', async () => {
    const dataSource = app.get<DataSource>(getDataSourceToken(place));
    const tables = (await dataSource.query(
      database === 'postgres'
        ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = '${place}' ORDER BY table_name`
        : 'SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME',
    )) as { name: string }[];
    expect(tables.map((row) => row.name)).toEqual(expected);
    const subscription = await app.get(WebhookSubscriptions).create({ tenant: 'shop-1', url: receiver.url('/n'), events: ['points.earned'] });
    await app.get(WebhookPublisher).publish('points.earned', { customer_id: 'c', amount: 2 }, { tenant: 'shop-1' });
    await receiver.waitFor(1);
    const { key } = await app.get(WebhookApiKeys).create({ tenant: 'shop-1', scope: 'read' });
    const answer = await request(app.getHttpServer()).get(`/v1/deliveries?subscription_id=${subscription.id}`).set('Authorization', `Bearer ${key}`);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toHaveLength(1);
  });
});
