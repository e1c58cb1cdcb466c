import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createHookline, HOOKLINE_MIGRATIONS, HooklineMigrator, type Hookline, type HooklineOptions } from '@hookline/engine';
import { cliDataSource, type CliDataSourceSetup } from '../../packages/engine/src/api-keys/cli-data-source';
import { EMPTY_DATABASES, type EmptyDatabase } from '../support/migration-databases';

const ALL = HOOKLINE_MIGRATIONS.map((migration) => migration.name);
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
const options = (migrations: HooklineOptions['migrations']): HooklineOptions => ({ migrations, worker: { enabled: false }, sweeper: { enabled: false } });

describe.each(EMPTY_DATABASES.map((make) => [make().name, make] as const))('the migrations option on %s', (name, makeDatabase) => {
  let database: EmptyDatabase;
  const opened: { dataSource: DataSource; hookline?: Hookline }[] = [];

  /** A host's DataSource on the fresh database, Hookline's entities registered, and a Hookline on it. */
  async function host(mode: HooklineOptions['migrations'], setup: Partial<CliDataSourceSetup> & { synchronize?: boolean } = {}) {
    const dataSource = cliDataSource(database.env, { entities: database.entities, ...setup });
    if (setup.synchronize) dataSource.setOptions({ synchronize: true });
    await dataSource.initialize();
    const hookline = createHookline(options(mode), { dataSource, logger: quiet });
    opened.push({ dataSource, hookline });
    return { dataSource, hookline };
  }

  const tablesOf = async (dataSource: DataSource) => {
    const queryRunner = dataSource.createQueryRunner();
    try {
      return { subscription: await queryRunner.hasTable('webhook_subscription'), journal: await queryRunner.hasTable('hookline_migrations') };
    } finally {
      await queryRunner.release();
    }
  };

  beforeEach(async () => {
    database = makeDatabase();
    await database.create();
  });

  afterEach(async () => {
    for (const { dataSource, hookline } of opened.splice(0)) {
      await hookline?.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    }
    await database.drop();
  });

  // better-sqlite3 waits for a lock synchronously, so instances sharing a SQLite file race only as processes (the CLI suite does that).
  const instances = name === 'SQLite' ? 1 : 3;

  it(`auto: ${instances} instance(s) starting together on an empty database migrate it once and all start`, async () => {
    const hosts = [];
    for (let i = 0; i < instances; i += 1) hosts.push(await host('auto'));
    await Promise.all(hosts.map(({ hookline }) => hookline.start()));
    expect(await new HooklineMigrator(hosts[0].dataSource).status()).toEqual({ applied: ALL, pending: [] });
    const [{ count }] = await hosts[0].dataSource.query('SELECT COUNT(*) AS count FROM hookline_migrations');
    expect(Number(count)).toBe(ALL.length);
  });

  it('check: refuses to start while behind, naming the three ways to migrate, and starts once migrated', async () => {
    const { dataSource, hookline } = await host('check');
    const refusal = hookline.start();
    await expect(refusal).rejects.toMatchObject({ code: 'HOOKLINE_SCHEMA_BEHIND', pointer: '/migrations', pending: ALL });
    const message = ((await refusal.catch((error: Error) => error)) as Error).message;
    for (const way of ['npx hookline-migrate up', "migrations: 'auto'", 'HOOKLINE_MIGRATIONS', 'npx hookline-migrate sql']) expect(message).toContain(way);
    expect(await tablesOf(dataSource)).toEqual({ subscription: false, journal: false });

    await new HooklineMigrator(dataSource).up();
    await expect(hookline.start()).resolves.toBeUndefined();
  });

  it('off: leaves the database alone, and refuses to start on tables that are not there', async () => {
    const { dataSource, hookline } = await host('off');
    await expect(hookline.start()).rejects.toMatchObject({ code: 'HOOKLINE_TABLES_MISSING' });
    expect(await tablesOf(dataSource)).toEqual({ subscription: false, journal: false });
    await new HooklineMigrator(dataSource).up();
    await expect(hookline.start()).resolves.toBeUndefined();
  });

  it.each(['auto', 'check'] as const)('%s under synchronize: TypeORM owns the schema, Hookline records nothing and starts', async (mode) => {
    const { dataSource, hookline } = await host(mode, { synchronize: true });
    await hookline.start();
    expect(await tablesOf(dataSource)).toEqual({ subscription: true, journal: false });
    // Another process of the same app, without synchronize, finds the synchronized tables and leaves them be.
    const other = await host(mode);
    await expect(other.hookline.start()).resolves.toBeUndefined();
  });

  it('auto leaves HOOKLINE_MIGRATIONS in the host\'s own list to its migration:run, refusing to start until they ran', async () => {
    const { dataSource, hookline } = await host('auto', { migrations: HOOKLINE_MIGRATIONS });
    await expect(hookline.start()).rejects.toMatchObject({ code: 'HOOKLINE_SCHEMA_BEHIND' });
    expect(await tablesOf(dataSource)).toEqual({ subscription: false, journal: false });
    await dataSource.runMigrations();
    await expect(hookline.start()).resolves.toBeUndefined();
    expect(await tablesOf(dataSource)).toEqual({ subscription: true, journal: false });
  });
});
