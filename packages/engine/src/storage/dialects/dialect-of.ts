import type { DataSource } from 'typeorm';
import { postgresDialect } from './postgres/postgres-dialect';
import type { SqlDialect } from './sql-dialect';
import { sqliteDialect } from './sqlite/sqlite-dialect';

const DIALECTS: Record<string, SqlDialect> = { postgres: postgresDialect, 'better-sqlite3': sqliteDialect };

/** The dialect of a TypeORM DataSource, by its driver type. */
export function dialectOf(dataSource: DataSource): SqlDialect {
  const dialect = DIALECTS[dataSource.options.type];
  if (!dialect) throw new Error(`Hookline supports PostgreSQL and SQLite (better-sqlite3) DataSources, not "${dataSource.options.type}".`);
  return dialect;
}
