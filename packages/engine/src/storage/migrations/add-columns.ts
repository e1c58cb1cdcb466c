import type { StatementsByDatabase } from './migration-statements';

/** A column added to an existing table, in each database's type names. */
export interface AddedColumn {
  name: string;
  postgres: string;
  sqlite: string;
  mysql: string;
}

/** ALTER TABLE … ADD for each database; SQLite and MySQL add one column per statement as PostgreSQL does, so rollback mirrors it. */
export function addColumns(table: string, columns: readonly AddedColumn[]): StatementsByDatabase {
  return {
    postgres: columns.map((c) => `ALTER TABLE "${table}" ADD "${c.name}" ${c.postgres}`),
    sqlite: columns.map((c) => `ALTER TABLE "${table}" ADD "${c.name}" ${c.sqlite}`),
    mysql: columns.map((c) => `ALTER TABLE ${table} ADD ${c.name} ${c.mysql}`),
  };
}

/** The reverse of addColumns: the newest column first. */
export function dropColumns(table: string, columns: readonly AddedColumn[]): StatementsByDatabase {
  const newestFirst = [...columns].reverse();
  return {
    postgres: newestFirst.map((c) => `ALTER TABLE "${table}" DROP COLUMN "${c.name}"`),
    sqlite: newestFirst.map((c) => `ALTER TABLE "${table}" DROP COLUMN "${c.name}"`),
    mysql: newestFirst.map((c) => `ALTER TABLE ${table} DROP COLUMN ${c.name}`),
  };
}
