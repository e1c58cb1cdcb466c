import type { QueryRunner } from 'typeorm';

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

/** Runs the statements written for the query runner's database, in order. */
export async function runStatements(queryRunner: QueryRunner, statements: StatementsByDatabase): Promise<void> {
  for (const statement of statements[migrationDatabaseOf(queryRunner.connection.driver.options.type)]) {
    await queryRunner.query(statement);
  }
}
