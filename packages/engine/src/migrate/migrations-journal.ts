import type { QueryRunner } from 'typeorm';
import type { MigrationDatabase, StatementsByDatabase } from '../storage/migrations/migration-statements';

/** Hookline's own record of applied migrations: never the host's TypeORM `migrations` table, so the two lists never mix. */
export const HOOKLINE_MIGRATIONS_TABLE = 'hookline_migrations';

/** The journal's columns are TypeORM's (id, timestamp, name), so a host can read it like its own. */
export const CREATE_JOURNAL: StatementsByDatabase = {
  postgres: [`CREATE TABLE IF NOT EXISTS "${HOOKLINE_MIGRATIONS_TABLE}" ("id" SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, "name" character varying NOT NULL)`],
  sqlite: [`CREATE TABLE IF NOT EXISTS "${HOOKLINE_MIGRATIONS_TABLE}" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint NOT NULL, "name" varchar NOT NULL)`],
  mysql: [`CREATE TABLE IF NOT EXISTS ${HOOKLINE_MIGRATIONS_TABLE} (id int NOT NULL AUTO_INCREMENT, timestamp bigint NOT NULL, name varchar(255) NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB`],
};

/** The row that records one migration as applied (names are Hookline's own class names: no quoting to escape). */
export function journalInsert(database: MigrationDatabase, migration: { name: string; timestamp: number }): string {
  const table = database === 'mysql' ? HOOKLINE_MIGRATIONS_TABLE : `"${HOOKLINE_MIGRATIONS_TABLE}"`;
  const timestamp = database === 'mysql' ? 'timestamp' : '"timestamp"';
  return `INSERT INTO ${table} (${timestamp}, name) VALUES (${migration.timestamp}, '${migration.name}')`;
}

/**
 * Names of the migrations already applied: those in Hookline's journal, and those a host ran through its own
 * `typeorm migration:run` with HOOKLINE_MIGRATIONS in its list (recorded in its own table).
 */
export async function appliedMigrationNames(queryRunner: QueryRunner, hostTable: string | undefined): Promise<Set<string>> {
  const names = new Set(await namesIn(queryRunner, HOOKLINE_MIGRATIONS_TABLE));
  const host = hostTable ?? 'migrations';
  if (host === HOOKLINE_MIGRATIONS_TABLE) return names;
  for (const name of await namesIn(queryRunner, host)) names.add(name);
  return names;
}

async function namesIn(queryRunner: QueryRunner, table: string): Promise<string[]> {
  // A `migrations` table of another tool (Laravel's has no `name`) says nothing about Hookline's; and a failed
  // SELECT would abort PostgreSQL's migration transaction, so look before reading.
  if (!(await queryRunner.hasTable(table)) || !(await queryRunner.hasColumn(table, 'name'))) return [];
  const rows: { name: string }[] = await queryRunner.query(`SELECT name FROM ${queryRunner.connection.driver.escape(table)}`);
  return rows.map((row) => row.name);
}
