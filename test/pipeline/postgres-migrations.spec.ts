import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { HOOKLINE_ENTITIES, HOOKLINE_MIGRATIONS } from '@hookline/nestjs';
import { POSTGRES_URL } from '../support/drivers';

describe('PostgreSQL migrations', () => {
  const schema = `hl_migrate_${randomBytes(4).toString('hex')}`;
  let admin: Client;
  let dataSource: DataSource;

  beforeAll(async () => {
    admin = new Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    dataSource = new DataSource({
      type: 'postgres',
      url: POSTGRES_URL,
      entities: HOOKLINE_ENTITIES,
      migrations: HOOKLINE_MIGRATIONS,
      extra: { options: `-c search_path=${schema}` },
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('create exactly the schema the entities describe', async () => {
    const ran = await dataSource.runMigrations();
    expect(ran.map((m) => m.name)).toEqual(['HooklineInit1763900000000', 'HooklineApiKeys1763900000001', 'HooklineEndpointHealth1763900000002', 'HooklineEndpointPacing1763900000003', 'HooklineInbox1763900000004']);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('roll back cleanly', async () => {
    for (let i = 0; i < HOOKLINE_MIGRATIONS.length; i += 1) await dataSource.undoLastMigration();
    const { rows } = await admin.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name LIKE 'webhook_%'`, [schema]);
    expect(rows).toEqual([]);
  });
});
