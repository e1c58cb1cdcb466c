import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { Webhook } from 'standardwebhooks';
import { createHookline, HOOKLINE_ENTITIES, HOOKLINE_MIGRATIONS, HOOKLINE_MYSQL_ENTITIES, WebhooksConfigError, type Hookline } from '@hookline/engine';
import { MYSQL_TYPE, MYSQL_URL, mysqlAdmin, POSTGRES_URL, postgresAdmin } from '../support/drivers';
import { eventually, TestReceiver } from '../support/receiver';

/** A host table beside Hookline's: the outbox test writes to it in the same transaction. */
const HOST_TABLE = 'CREATE TABLE IF NOT EXISTS host_points (customer_id varchar(64) NOT NULL, amount integer NOT NULL)';

interface Setting {
  name: string;
  options(): DataSourceOptions;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

function sqlite(): Setting {
  return {
    name: 'SQLite, synchronized, in-process queue',
    options: () => ({ type: 'better-sqlite3', database: ':memory:', entities: [...HOOKLINE_ENTITIES], synchronize: true }),
    setUp: async () => undefined,
    tearDown: async () => undefined,
  };
}

function postgres(): Setting {
  const schema = `hl_engine_${randomBytes(4).toString('hex')}`;
  return {
    name: 'PostgreSQL through HOOKLINE_MIGRATIONS, in-process queue',
    options: () => ({
      type: 'postgres',
      url: POSTGRES_URL,
      schema,
      entities: [...HOOKLINE_ENTITIES],
      migrations: [...HOOKLINE_MIGRATIONS],
      migrationsRun: true,
      extra: { options: `-c search_path=${schema}`, max: 5 },
    }),
    setUp: () => postgresAdmin(`CREATE SCHEMA ${schema}`),
    tearDown: () => postgresAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

function mysql(): Setting {
  const database = `hl_engine_${randomBytes(4).toString('hex')}`;
  return {
    name: 'MySQL/MariaDB, synchronized, in-process queue',
    options: () => ({ type: MYSQL_TYPE, url: `${MYSQL_URL}/${database}`, charset: 'utf8mb4_bin', entities: [...HOOKLINE_MYSQL_ENTITIES], synchronize: true }),
    setUp: () => mysqlAdmin(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`),
    tearDown: () => mysqlAdmin(`DROP DATABASE IF EXISTS ${database}`),
  };
}

describe.each([sqlite(), postgres(), mysql()])('createHookline without Nest, on $name', (setting) => {
  const receiver = new TestReceiver();
  let dataSource: DataSource;
  let hookline: Hookline;
  const events: string[] = [];

  beforeAll(async () => {
    await setting.setUp();
    await receiver.start();
    dataSource = await new DataSource(setting.options()).initialize();
    await dataSource.query(HOST_TABLE);
    const emitter = { emit: (name: string) => events.push(name) > 0 };
    hookline = createHookline(
      { encryptionKey: randomBytes(32).toString('base64'), delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'] }, retry: { schedule: [50] } },
      { dataSource, logger: { log: () => undefined, warn: () => undefined, error: () => undefined }, events: emitter },
    );
    await hookline.start();
  });

  afterAll(async () => {
    await hookline?.stop();
    await dataSource?.destroy();
    await receiver.stop();
    await setting.tearDown();
  });

  it('publishes inside the host transaction and delivers a signed request the standardwebhooks library verifies', async () => {
    const subscription = await hookline.subscriptions.create({ tenant: 'shop-1', url: receiver.url('/points'), events: ['points.*'] });
    const published = await dataSource.transaction(async (manager) => {
      const placeholders = dataSource.options.type === 'postgres' ? '$1, $2' : '?, ?';
      await manager.query(`INSERT INTO host_points (customer_id, amount) VALUES (${placeholders})`, ['cust_1', 150]);
      return hookline.publisher.publish('points.earned', { customer_id: 'cust_1', amount: 150 }, { tenant: 'shop-1', manager });
    });
    await receiver.waitFor(1);
    const [request] = receiver.requests;
    const verified = new Webhook(subscription.secret).verify(request.body, request.headers as Record<string, string>) as { type: string; data: unknown };
    expect(verified).toMatchObject({ type: 'points.earned', data: { customer_id: 'cust_1', amount: 150 } });
    const deliveryId = request.headers['webhook-id'] as string;
    await eventually(async () => (await hookline.deliveries.get(deliveryId, { tenant: 'shop-1' })).status === 'delivered');
    const log = await hookline.deliveries.list({ tenant: 'shop-1', subscriptionId: subscription.id });
    expect(log.data.map((delivery) => [delivery.id, delivery.messageId, delivery.status])).toEqual([[deliveryId, published.messageId, 'delivered']]);
  });

  it('keeps nothing of a publish whose host transaction rolls back', async () => {
    const before = receiver.requests.length;
    await expect(
      dataSource.transaction(async (manager) => {
        await hookline.publisher.publish('points.earned', { customer_id: 'cust_2', amount: 5 }, { tenant: 'shop-1', manager, idempotencyKey: 'rolled-back' });
        throw new Error('the host changed its mind');
      }),
    ).rejects.toThrow('the host changed its mind');
    const again = await hookline.publisher.publish('points.earned', { customer_id: 'cust_2', amount: 5 }, { tenant: 'shop-1', idempotencyKey: 'rolled-back' });
    expect(again).toMatchObject({ duplicate: false, deliveryCount: 1 });
    await receiver.waitFor(before + 1);
    expect(receiver.requests.slice(before).map((request) => JSON.parse(request.body).data)).toEqual([{ customer_id: 'cust_2', amount: 5 }]);
  });

  it('retries, gives up and raises the operational event through the host emitter', async () => {
    const failing = new TestReceiver();
    failing.respond = () => ({ status: 500, body: 'down' });
    await failing.start();
    try {
      await hookline.subscriptions.create({ tenant: 'shop-2', url: failing.url('/down'), events: ['points.earned'] });
      const published = await hookline.publisher.publish('points.earned', { customer_id: 'cust_3', amount: 1 }, { tenant: 'shop-2' });
      await eventually(async () => (await hookline.deliveries.list({ tenant: 'shop-2', messageId: published.messageId, status: 'failed' })).data.length === 1);
      expect(failing.requests).toHaveLength(2);
      await eventually(() => events.includes('hookline.delivery.exhausted'));
    } finally {
      await failing.stop();
    }
  });

  it('opens a portal session whose token authenticates as its tenant until revoked', async () => {
    const session = await hookline.portal.createSession({ tenant: 'shop-portal', scope: 'read', dashboardUrl: 'https://api.example.com/v1/dashboard' });
    expect(session.url).toBe(`https://api.example.com/v1/dashboard#portal=${session.token}`);
    expect(await hookline.portal.authenticate(session.token)).toEqual({ id: session.id, tenant: 'shop-portal', scope: 'read', expiresAt: session.expiresAt });
    await hookline.portal.revokeSession(session.id, { tenant: 'shop-portal' });
    expect(await hookline.portal.authenticate(session.token)).toBeNull();
  });

  it('answers health with every check up, and only up or down without detail', async () => {
    const detailed = await hookline.health();
    expect(detailed.status).toBe('ok');
    expect(Object.keys(detailed.details).sort()).toEqual(['database', 'queue', 'sweeper']);
    expect(detailed.details.queue).toMatchObject({ status: 'up', driver: 'in-process' });
    const bare = await hookline.health({ detail: false });
    expect(bare.details.queue).toEqual({ status: 'up' });
  });

  it('exposes its figures in the Prometheus text format', async () => {
    const text = await hookline.metrics.registry.metrics();
    expect(text).toMatch(/hookline_attempts_total\{event_type="points\.earned",outcome="success"\} [1-9]/);
    expect(text).toMatch(/hookline_deliveries_finished_total\{event_type="points\.earned",status="failed"\} 1/);
  });
});

describe('createHookline refuses a DataSource it cannot use', () => {
  const options = { encryptionKey: randomBytes(32).toString('base64') };

  it('names what is missing when no DataSource is given', () => {
    expect(() => createHookline(options, {} as never)).toThrow(WebhooksConfigError);
    expect(() => createHookline(options, {} as never)).toThrow(/needs `\{ dataSource \}`/);
  });

  it('asks for initialize() first', () => {
    const dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [...HOOKLINE_ENTITIES] });
    expect(() => createHookline(options, { dataSource })).toThrow(/await dataSource\.initialize\(\)/);
  });

  it('lists the entities the DataSource lacks and how to add them', async () => {
    const dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [] }).initialize();
    try {
      const error = captured(() => createHookline(options, { dataSource }));
      expect(error).toBeInstanceOf(WebhooksConfigError);
      expect(error).toMatchObject({ code: 'HOOKLINE_INVALID_MODULE_OPTIONS', pointer: '/dataSource' });
      expect((error as Error).message).toContain('WebhookSubscriptionEntity');
      expect((error as Error).message).toContain('...HOOKLINE_ENTITIES');
    } finally {
      await dataSource.destroy();
    }
  });

  it('on MySQL, asks for HOOKLINE_MYSQL_ENTITIES, whose payload column holds more than TEXT', async () => {
    const dataSource = await new DataSource({ type: MYSQL_TYPE, url: `${MYSQL_URL}/test`, entities: [...HOOKLINE_ENTITIES] }).initialize();
    try {
      const error = captured(() => createHookline(options, { dataSource }));
      expect(error).toBeInstanceOf(WebhooksConfigError);
      expect((error as Error).message).toContain('HOOKLINE_MYSQL_ENTITIES');
    } finally {
      await dataSource.destroy();
    }
  });
});

function captured(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
