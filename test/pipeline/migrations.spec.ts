import { DataSource } from 'typeorm';
import { HOOKLINE_MIGRATIONS } from '@hookline/nestjs';
import { cliDataSource } from '../../packages/engine/src/api-keys/cli-data-source';
import { EMPTY_DATABASES } from '../support/migration-databases';

const TABLES = ['webhook_subscription', 'webhook_message', 'webhook_delivery', 'webhook_attempt', 'webhook_api_key', 'webhook_inbox'];

describe.each(EMPTY_DATABASES.map((make) => [make().name, make] as const))('HOOKLINE_MIGRATIONS on %s', (_name, makeDatabase) => {
  const database = makeDatabase();
  let dataSource: DataSource;

  beforeAll(async () => {
    await database.create();
    dataSource = cliDataSource(database.env, { entities: database.entities, migrations: HOOKLINE_MIGRATIONS });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database.drop();
  });

  it('create exactly the schema the entities describe', async () => {
    const ran = await dataSource.runMigrations();
    expect(ran.map((m) => m.name)).toEqual(['HooklineInit1763900000000', 'HooklineApiKeys1763900000001', 'HooklineEndpointHealth1763900000002', 'HooklineEndpointPacing1763900000003', 'HooklineInbox1763900000004', 'HooklinePortalSessions1763900000005', 'HooklineSubscriptionHeaders1763900000006']);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('roll back cleanly', async () => {
    for (let i = 0; i < HOOKLINE_MIGRATIONS.length; i += 1) await dataSource.undoLastMigration();
    const queryRunner = dataSource.createQueryRunner();
    const left = [];
    for (const table of TABLES) if (await queryRunner.hasTable(table)) left.push(table);
    await queryRunner.release();
    expect(left).toEqual([]);
  });
});
