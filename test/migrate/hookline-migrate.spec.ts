import { DataSource } from 'typeorm';
import { HOOKLINE_MIGRATIONS } from '@hookline/nestjs';
import { cliDataSource } from '../../packages/engine/src/api-keys/cli-data-source';
import { HooklineMigrator } from '../../packages/engine/src/migrate/hookline-migrator';
import { runMigrateCommand } from '../../packages/engine/src/migrate/migrate-commands';
import { runMigrateCli } from '../support/migrate-cli';
import { EMPTY_DATABASES, type EmptyDatabase } from '../support/migration-databases';

const ALL = ['HooklineInit1763900000000', 'HooklineApiKeys1763900000001', 'HooklineEndpointHealth1763900000002', 'HooklineEndpointPacing1763900000003', 'HooklineInbox1763900000004', 'HooklinePortalSessions1763900000005', 'HooklineSubscriptionHeaders1763900000006'];

/** A fresh database per test and every connection opened on it closed afterwards. */
function onFreshDatabase(makeDatabase: () => EmptyDatabase) {
  let database: EmptyDatabase;
  const opened: DataSource[] = [];
  beforeEach(async () => {
    database = makeDatabase();
    await database.create();
  });
  afterEach(async () => {
    for (const dataSource of opened.splice(0)) if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  });
  return {
    current: () => database,
    /** A connection as `hookline-migrate` opens it, or as a host's DataSource with `setup`. */
    async connect(setup: Parameters<typeof cliDataSource>[1] = { entities: [] }) {
      const dataSource = cliDataSource(database.env, setup);
      opened.push(dataSource);
      return dataSource.initialize();
    },
  };
}

async function schemaLeftToSync(dataSource: DataSource, database: EmptyDatabase): Promise<string[]> {
  const withEntities = new DataSource({ ...dataSource.options, entities: database.entities } as never);
  await withEntities.initialize();
  try {
    return (await withEntities.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
  } finally {
    await withEntities.destroy();
  }
}

describe.each(EMPTY_DATABASES.map((make) => [make().name, make] as const))('hookline-migrate on %s', (_name, makeDatabase) => {
  const { connect, current: database } = onFreshDatabase(makeDatabase);
  const env = () => database().env;

  it('status lists every migration as pending and exits 1 on an empty database, then 0 once up applied them', async () => {
    const migrator = new HooklineMigrator(await connect());
    const before = await runMigrateCommand(['status'], migrator);
    expect(before.exitCode).toBe(1);
    expect(before.output.split('\n')).toEqual([...ALL.map((name) => `pending  ${name}`), `${ALL.length} pending: run \`hookline-migrate up\`.`]);

    expect((await runMigrateCommand(['up'], migrator)).output.split('\n')).toEqual([...ALL.map((name) => `applied  ${name}`), 'The schema is current.']);
    const after = await runMigrateCommand(['status'], migrator);
    expect(after).toEqual({ exitCode: 0, output: [...ALL.map((name) => `applied  ${name}`), 'The schema is current.'].join('\n') });
    expect(await runMigrateCommand(['up'], migrator)).toEqual({ exitCode: 0, output: 'Nothing to apply: the schema is current.' });
  });

  it('up from several processes at once: one applies the migrations, none fails, the schema is the entities\'', async () => {
    const runs = await Promise.all([1, 2, 3, 4].map(() => runMigrateCli(['up'], env())));
    expect(runs.map((run) => [run.exitCode, run.stderr])).toEqual([[0, ''], [0, ''], [0, ''], [0, '']]);
    const outputs = runs.map((run) => run.stdout.trim());
    expect(outputs.filter((output) => output !== 'Nothing to apply: the schema is current.')).toEqual([[...ALL.map((name) => `applied  ${name}`), 'The schema is current.'].join('\n')]);
    expect(await runMigrateCli(['status'], env())).toMatchObject({ exitCode: 0 });
    expect(await schemaLeftToSync(await connect(), database())).toEqual([]);
  });

  it.each([
    ['sql', /;\n|;$/],
    ['sql --drizzle', /;\n--> statement-breakpoint\n|;$/],
  ])('%s prints statements that, run one by one by another tool, create the entities\' schema and record the migrations', async (command, separator) => {
    const migrator = new HooklineMigrator(await connect());
    const printed = await runMigrateCommand(command.split(' '), migrator);
    expect(printed.exitCode).toBe(0);
    // What a host's own tool does with the file (drizzle's migrator splits at its breakpoints): nothing of Hookline's in the loop.
    const hostTool = await connect();
    for (const statement of printed.output.split(separator).filter((s) => s.trim() !== '')) await hostTool.query(statement);
    expect(await migrator.status()).toEqual({ applied: ALL, pending: [] });
    expect(await schemaLeftToSync(hostTool, database())).toEqual([]);
    expect((await runMigrateCommand(['sql'], migrator)).output).toBe('-- Nothing pending: the schema is current.');
  });

  it('refuses unknown commands and arguments as usage mistakes', async () => {
    const migrator = new HooklineMigrator(await connect());
    await expect(runMigrateCommand(['down'], migrator)).rejects.toThrow('Unknown command "down".');
    await expect(runMigrateCommand(['status', '--drizzle'], migrator)).rejects.toThrow('Unexpected arguments: --drizzle.');
  });

  it("ignores another tool's `migrations` table that has no name column", async () => {
    const dataSource = await connect();
    await dataSource.query('CREATE TABLE migrations (id integer, migration varchar(255))');
    expect(await new HooklineMigrator(dataSource).up()).toEqual(ALL);
  });

  it('counts migrations the host ran itself with HOOKLINE_MIGRATIONS in its own list (typeorm migration:run)', async () => {
    const host = await connect({ entities: [], migrations: HOOKLINE_MIGRATIONS });
    await host.runMigrations();
    expect(await new HooklineMigrator(await connect()).status()).toEqual({ applied: ALL, pending: [] });
    expect(await new HooklineMigrator(await connect()).up()).toEqual([]);
  });
});
