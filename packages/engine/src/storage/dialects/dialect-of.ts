import type { DataSource } from 'typeorm';
import { mysqlDialect } from './mysql/mysql-dialect';
import { postgresDialect } from './postgres/postgres-dialect';
import type { SqlDialect } from './sql-dialect';
import { sqliteDialect } from './sqlite/sqlite-dialect';

const DIALECTS: Record<string, SqlDialect> = { postgres: postgresDialect, 'better-sqlite3': sqliteDialect, mysql: mysqlDialect, mariadb: mysqlDialect };

/** The dialect of a TypeORM DataSource, by its driver type, once it checked the DataSource's entities suit it. */
export function dialectOf(dataSource: DataSource): SqlDialect {
  const dialect = DIALECTS[dataSource.options.type];
  if (!dialect) {
    throw new Error(`Hookline supports PostgreSQL, MySQL/MariaDB (mysql2) and SQLite (better-sqlite3) DataSources, not "${dataSource.options.type}".`);
  }
  dialect.check?.(dataSource);
  return dialect;
}
