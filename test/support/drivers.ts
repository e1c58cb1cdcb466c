import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { Client } from 'pg';
import Redis from 'ioredis';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { HOOKLINE_ENTITIES, HOOKLINE_MYSQL_ENTITIES, type QueueOptions } from '@hookline/nestjs';

export const POSTGRES_URL = process.env.HOOKLINE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.HOOKLINE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A MySQL 8 or MariaDB server; each suite creates a database of its own on it. */
export const MYSQL_URL = process.env.HOOKLINE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
/**
 * TypeORM's type for that server, `mariadb` or `mysql`: TypeORM reads MariaDB's column defaults
 * right only as `mariadb`, and as `mysql` would alter every nullable column at each synchronize.
 */
export const MYSQL_TYPE = (process.env.HOOKLINE_TEST_MYSQL_TYPE ?? 'mariadb') as 'mariadb' | 'mysql';

/** One storage + queue combination a suite runs on, with its own schema / key prefix. */
export interface TestDriver {
  name: string;
  database(): TypeOrmModuleOptions;
  /** The entities WebhooksModule registers, when the database needs other than HOOKLINE_ENTITIES. */
  entities?: typeof HOOKLINE_ENTITIES;
  queue(): QueueOptions;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

export function sqliteInProcess(): TestDriver {
  return {
    name: 'sqlite + in-process',
    // Listed rather than auto-loaded, in every driver: @nestjs/typeorm collects the entities of every app a
    // test file built, so an app after a MySQL one would otherwise load HOOKLINE_MYSQL_ENTITIES too.
    database: () => ({ type: 'better-sqlite3', database: ':memory:', synchronize: true, entities: HOOKLINE_ENTITIES }),
    queue: () => ({ driver: 'in-process' }),
    setUp: async () => undefined,
    tearDown: async () => undefined,
  };
}

export function postgresBullmq(): TestDriver {
  const suffix = randomBytes(4).toString('hex');
  const schema = `hl_test_${suffix}`;
  const prefix = `hltest-${suffix}`;
  return {
    name: 'postgres + bullmq',
    database: () => ({ ...postgresConnection(POSTGRES_URL, schema), synchronize: true, entities: HOOKLINE_ENTITIES }),
    queue: () => ({ driver: 'bullmq', connection: REDIS_URL, prefix }),
    setUp: () => postgresAdmin(`CREATE SCHEMA IF NOT EXISTS ${schema}`),
    async tearDown() {
      await postgresAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await deleteRedisKeys(prefix);
    },
  };
}

export function mysqlBullmq(): TestDriver {
  const suffix = randomBytes(4).toString('hex');
  const database = `hl_test_${suffix}`;
  const prefix = `hltest-${suffix}`;
  return {
    name: `${MYSQL_TYPE} + bullmq`,
    database: () => ({ ...mysqlConnection(MYSQL_URL, database), synchronize: true, entities: HOOKLINE_MYSQL_ENTITIES }),
    entities: HOOKLINE_MYSQL_ENTITIES,
    queue: () => ({ driver: 'bullmq', connection: REDIS_URL, prefix }),
    setUp: () => createMysqlDatabase(database),
    async tearDown() {
      await mysqlAdmin(`DROP DATABASE IF EXISTS ${database}`);
      await deleteRedisKeys(prefix);
    },
  };
}

/** How a suite reaches its schema on PostgreSQL at `url` (entities aside). */
export function postgresConnection(url: string, schema: string) {
  return {
    type: 'postgres' as const,
    url,
    schema,
    // Hookline's hand-written SQL uses unqualified table names; the search path finds the suite's schema.
    extra: { options: `-c search_path=${schema}`, max: 10 },
  };
}

/** How a suite reaches its database on the MySQL/MariaDB server at `url` (entities aside). */
export function mysqlConnection(url: string, database: string) {
  return {
    type: MYSQL_TYPE,
    url: `${url}/${database}`,
    // utf8mb4 keeps every character of a payload; the database's binary collation compares tenants, ids and keys exactly.
    charset: 'utf8mb4_bin',
    extra: { connectionLimit: 10 },
  };
}

/** Creates `database` on the MySQL/MariaDB server at `url`, as Hookline needs it. */
export function createMysqlDatabase(database: string, url = MYSQL_URL): Promise<void> {
  // Case-sensitive, as PostgreSQL and SQLite compare: MySQL's default collations would make tenant "Acme" equal "acme".
  return mysqlAdmin(`CREATE DATABASE IF NOT EXISTS ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`, url);
}

/** Runs one statement on the PostgreSQL server outside any suite's schema (create it, drop it). */
export async function postgresAdmin(statement: string, url = POSTGRES_URL): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Runs one statement on the MySQL server outside any suite's database (create it, drop it). */
export async function mysqlAdmin(statement: string, url = MYSQL_URL): Promise<void> {
  const connection = await createConnection(url);
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}

export const ALL_DRIVERS = [sqliteInProcess, postgresBullmq, mysqlBullmq];
