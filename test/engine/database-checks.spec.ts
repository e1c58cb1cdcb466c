import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { createHookline, DatabaseCheckError, HOOKLINE_ENTITIES, HOOKLINE_MYSQL_ENTITIES } from '@hookline/engine';
import { DedicatedPostgres } from '../support/dedicated-postgres';
import { MYSQL_TYPE, MYSQL_URL, mysqlAdmin, POSTGRES_URL, postgresAdmin } from '../support/drivers';
import { silentLogger } from '../support/pipeline-harness';
import { TEST_ENCRYPTION_KEY } from '../support/test-app';

const options = { encryptionKey: TEST_ENCRYPTION_KEY, queue: { driver: 'in-process' as const }, worker: { enabled: false }, sweeper: { enabled: false } };

/** Starts a Hookline on the DataSource and answers with what start() threw (undefined when it started). */
async function startFailure(dataSource: DataSource, migrations: 'auto' | 'off' = 'auto'): Promise<DatabaseCheckError | undefined> {
  const hookline = createHookline({ ...options, migrations }, { dataSource, logger: silentLogger });
  try {
    await hookline.start();
    return undefined;
  } catch (error) {
    return error as DatabaseCheckError;
  } finally {
    await hookline.stop();
  }
}

describe('start-up checks of the database', () => {
  const dataSources: DataSource[] = [];
  const cleanUps: (() => Promise<void>)[] = [];
  const open = async (config: DataSourceOptions) => {
    const dataSource = await new DataSource(config).initialize();
    dataSources.push(dataSource);
    return dataSource;
  };

  afterAll(async () => {
    for (const dataSource of dataSources) if (dataSource.isInitialized) await dataSource.destroy();
    for (const cleanUp of cleanUps) await cleanUp();
  });

  describe('on PostgreSQL', () => {
    const schema = `hl_checks_${randomBytes(4).toString('hex')}`;
    const pg = (extraOptions: string, synchronize = true): DataSourceOptions => ({
      type: 'postgres',
      url: POSTGRES_URL,
      schema,
      entities: [...HOOKLINE_ENTITIES],
      synchronize,
      extra: { options: `-c search_path=${schema} ${extraOptions}`, max: 2 },
    });

    beforeAll(async () => {
      await postgresAdmin(`CREATE SCHEMA ${schema}`);
      cleanUps.push(() => postgresAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    });

    it('names the missing tables and how to create them', async () => {
      // With migrations off: `auto` would have created them.
      const error = await startFailure(await open(pg('', false)), 'off');
      expect(error).toBeInstanceOf(DatabaseCheckError);
      expect(error).toMatchObject({ code: 'HOOKLINE_TABLES_MISSING' });
      for (const table of ['webhook_subscription', 'webhook_message', 'webhook_delivery', 'webhook_attempt', 'webhook_api_key']) expect(error!.message).toContain(table);
      for (const way of ['npx hookline-migrate up', "migrations: 'auto'", 'HOOKLINE_MIGRATIONS']) expect(error!.message).toContain(way);
    });

    it.each(['repeatable\\ read', 'serializable'])('refuses a connection defaulting to %s isolation, and says how to fix it', async (level) => {
      const error = await startFailure(await open(pg(`-c default_transaction_isolation=${level}`)));
      expect(error).toMatchObject({ code: 'HOOKLINE_UNSUPPORTED_ISOLATION' });
      expect(error!.message).toContain(level.replace('\\ ', ' ').toUpperCase());
      expect(error!.message).toMatch(/READ COMMITTED/);
    });

    it('starts at READ COMMITTED with every table there', async () => {
      expect(await startFailure(await open(pg('')))).toBeUndefined();
    });

    it('says the database is unreachable when its server is down', async () => {
      const server = await new DedicatedPostgres().start();
      cleanUps.push(() => server.dispose());
      const dataSource = await open({ type: 'postgres', url: server.url, entities: [...HOOKLINE_ENTITIES], synchronize: true, extra: { max: 1 } });
      await server.stop();
      const error = await startFailure(dataSource);
      expect(error).toMatchObject({ code: 'HOOKLINE_DATABASE_UNREACHABLE' });
      expect(error!.message).toMatch(/could not reach its database \(postgres\).*host, port and credentials/);
      expect(error!.cause).toBeInstanceOf(Error);
    }, 60_000);
  });

  describe('on MySQL/MariaDB', () => {
    const database = (collation: string) => {
      const name = `hl_checks_${randomBytes(4).toString('hex')}`;
      return {
        name,
        async create({ synchronize = true } = {}) {
          await mysqlAdmin(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE ${collation}`);
          cleanUps.push(() => mysqlAdmin(`DROP DATABASE IF EXISTS ${name}`));
          return open({ type: MYSQL_TYPE, url: `${MYSQL_URL}/${name}`, charset: 'utf8mb4_bin', entities: [...HOOKLINE_MYSQL_ENTITIES], synchronize });
        },
      };
    };

    it("creates its tables case-sensitive through the migrations, whatever the database's default collation", async () => {
      const dataSource = await database('utf8mb4_general_ci').create({ synchronize: false });
      expect(await startFailure(dataSource)).toBeUndefined();
      const collations = (await dataSource.query(
        `SELECT DISTINCT COLLATION_NAME AS collation FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLLATION_NAME IS NOT NULL`,
      )) as { collation: string }[];
      expect(collations.map((row) => row.collation)).toEqual(['utf8mb4_bin']);
    });

    it('starts on a utf8mb4_bin database of InnoDB tables', async () => {
      expect(await startFailure(await database('utf8mb4_bin').create())).toBeUndefined();
    });

    it('refuses case-insensitive text columns (synchronized into such a database), which would let tenant "Acme" read tenant "acme"', async () => {
      const error = await startFailure(await database('utf8mb4_general_ci').create());
      expect(error).toMatchObject({ code: 'HOOKLINE_UNSUPPORTED_DATABASE' });
      expect(error!.message).toMatch(/utf8mb4_general_ci.*not case-sensitive utf8mb4.*COLLATE utf8mb4_bin/);
    });

    it('refuses a table that is not InnoDB', async () => {
      const dataSource = await database('utf8mb4_bin').create();
      await dataSource.query('ALTER TABLE webhook_attempt ENGINE=MyISAM');
      const error = await startFailure(dataSource);
      expect(error).toMatchObject({ code: 'HOOKLINE_UNSUPPORTED_DATABASE' });
      expect(error!.message).toMatch(/webhook_attempt \(MyISAM\) are not InnoDB/);
    });
  });
});
