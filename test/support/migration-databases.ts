import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOOKLINE_ENTITIES, HOOKLINE_MYSQL_ENTITIES } from '@hookline/nestjs';
import { MYSQL_TYPE, MYSQL_URL, POSTGRES_URL, mysqlAdmin, postgresAdmin } from './drivers';

/** An empty database of one kind for migration suites: its DATABASE_URL, the entities the host would register, and clean-up. */
export interface EmptyDatabase {
  name: string;
  /** As `hookline-migrate` reads DATABASE_URL (and DATABASE_SCHEMA on PostgreSQL). */
  env: Record<string, string>;
  entities: typeof HOOKLINE_ENTITIES;
  create(): Promise<void>;
  drop(): Promise<void>;
}

export function emptySqlite(): EmptyDatabase {
  // The folder is made in create(), not here: describe.each builds one database per title just for its name.
  let dir = '';
  return {
    name: 'SQLite',
    get env() {
      return { DATABASE_URL: join(dir, 'app.sqlite') };
    },
    entities: HOOKLINE_ENTITIES,
    create: async () => {
      dir = mkdtempSync(join(tmpdir(), 'hl-migrate-'));
    },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function emptyPostgres(): EmptyDatabase {
  const schema = `hl_migrate_${randomBytes(4).toString('hex')}`;
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema },
    entities: HOOKLINE_ENTITIES,
    create: () => postgresAdmin(`CREATE SCHEMA ${schema}`),
    drop: () => postgresAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
  };
}

export function emptyMysql(): EmptyDatabase {
  const database = `hl_migrate_${randomBytes(4).toString('hex')}`;
  return {
    name: MYSQL_TYPE === 'mariadb' ? 'MariaDB' : 'MySQL',
    env: { DATABASE_URL: `${MYSQL_URL.replace(/^mysql:/, `${MYSQL_TYPE}:`)}/${database}` },
    entities: HOOKLINE_MYSQL_ENTITIES,
    create: () => mysqlAdmin(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`),
    drop: () => mysqlAdmin(`DROP DATABASE IF EXISTS ${database}`),
  };
}

export const EMPTY_DATABASES = [emptySqlite, emptyPostgres, emptyMysql];
