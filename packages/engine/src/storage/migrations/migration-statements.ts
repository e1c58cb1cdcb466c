import type { QueryRunner } from 'typeorm';
import { placeStatement } from '../placement/place-statement';
import { placementOf } from '../placement/tables-of';

/** The three SQL families Hookline's migrations are written for. */
export type MigrationDatabase = 'postgres' | 'sqlite' | 'mysql';

/** One migration step's statements for each database, so HOOKLINE_MIGRATIONS is one list whatever the host runs. */
export type StatementsByDatabase = Record<MigrationDatabase, readonly string[]>;

const DATABASES: Record<string, MigrationDatabase> = { postgres: 'postgres', 'better-sqlite3': 'sqlite', sqlite: 'sqlite', mysql: 'mysql', mariadb: 'mysql' };

/** The migration family of a TypeORM driver type; MariaDB takes MySQL's statements. */
export function migrationDatabaseOf(type: string): MigrationDatabase {
  const database = DATABASES[type];
  if (!database) throw new Error(`Hookline's migrations are written for PostgreSQL, MySQL/MariaDB and SQLite, not "${type}".`);
  return database;
}

/**
 * Runs the statements written for the query runner's database, in order, with Hookline's tables
 * where the DataSource's entities place them (a schema, a prefix). `createSchema`: first create
 * that PostgreSQL schema if it is missing (the first migration does).
 */
export async function runStatements(queryRunner: QueryRunner, statements: StatementsByDatabase, options: { createSchema?: boolean } = {}): Promise<void> {
  const database = migrationDatabaseOf(queryRunner.connection.driver.options.type);
  const placement = placementOf(queryRunner.connection);
  if (options.createSchema) for (const statement of schemaStatements(queryRunner)) await queryRunner.query(statement);
  for (const statement of statements[database]) {
    await queryRunner.query(placeStatement(statement, placement, database !== 'mysql'));
  }
}

/** The statement creating the PostgreSQL schema the DataSource's entities name, if any. */
export function schemaStatements(queryRunner: QueryRunner): string[] {
  const { schema } = placementOf(queryRunner.connection);
  return schema && migrationDatabaseOf(queryRunner.connection.driver.options.type) === 'postgres' ? [`CREATE SCHEMA IF NOT EXISTS "${schema}"`] : [];
}
