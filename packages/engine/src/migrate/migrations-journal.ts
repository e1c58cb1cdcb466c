import type { QueryRunner } from 'typeorm';
import type { MigrationDatabase } from '../storage/migrations/migration-statements';
import { prefixedName, type TablePlacement } from '../options/table-placement';

/** Hookline's own record of applied migrations: never the host's TypeORM `migrations` table, so the two lists never mix. */
export const HOOKLINE_MIGRATIONS_TABLE = 'hookline_migrations';

/** The journal beside Hookline's tables: in their PostgreSQL schema, with their MySQL prefix. */
export function journalTable(database: MigrationDatabase, placement: TablePlacement): string {
  const name = prefixedName(HOOKLINE_MIGRATIONS_TABLE, placement);
  if (database === 'mysql') return name;
  return placement.schema ? `"${placement.schema}"."${name}"` : `"${name}"`;
}

/** The journal's columns are TypeORM's (id, timestamp, name), so a host can read it like its own. */
export function createJournal(database: MigrationDatabase, placement: TablePlacement): string {
  const table = journalTable(database, placement);
  if (database === 'postgres') return `CREATE TABLE IF NOT EXISTS ${table} ("id" SERIAL PRIMARY KEY, "timestamp" bigint NOT NULL, "name" character varying NOT NULL)`;
  if (database === 'sqlite') return `CREATE TABLE IF NOT EXISTS ${table} ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint NOT NULL, "name" varchar NOT NULL)`;
  return `CREATE TABLE IF NOT EXISTS ${table} (id int NOT NULL AUTO_INCREMENT, timestamp bigint NOT NULL, name varchar(255) NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`;
}

/** The row that records one migration as applied (names are Hookline's own class names: no quoting to escape). */
export function journalInsert(database: MigrationDatabase, placement: TablePlacement, migration: { name: string; timestamp: number }): string {
  const timestamp = database === 'mysql' ? 'timestamp' : '"timestamp"';
  return `INSERT INTO ${journalTable(database, placement)} (${timestamp}, name) VALUES (${migration.timestamp}, '${migration.name}')`;
}

/**
 * Names of the migrations already applied: those in Hookline's journal, and those a host ran through its own
 * `typeorm migration:run` with HOOKLINE_MIGRATIONS in its list (recorded in its own table).
 */
export async function appliedMigrationNames(queryRunner: QueryRunner, hostTable: string | undefined, placement: TablePlacement): Promise<Set<string>> {
  const journal = { schema: placement.schema, name: prefixedName(HOOKLINE_MIGRATIONS_TABLE, placement) };
  const names = new Set(await namesIn(queryRunner, journal));
  const host = hostTable ?? 'migrations';
  if (host === journal.name && !journal.schema) return names;
  for (const name of await namesIn(queryRunner, { name: host })) names.add(name);
  return names;
}

async function namesIn(queryRunner: QueryRunner, table: { schema?: string; name: string }): Promise<string[]> {
  const escape = (name: string) => queryRunner.connection.driver.escape(name);
  const path = table.schema ? `${table.schema}.${table.name}` : table.name;
  // A `migrations` table of another tool (Laravel's has no `name`) says nothing about Hookline's; and a failed
  // SELECT would abort PostgreSQL's migration transaction, so look before reading.
  if (!(await queryRunner.hasTable(path)) || !(await queryRunner.hasColumn(path, 'name'))) return [];
  const rows: { name: string }[] = await queryRunner.query(`SELECT name FROM ${table.schema ? `${escape(table.schema)}.` : ''}${escape(table.name)}`);
  return rows.map((row) => row.name);
}
