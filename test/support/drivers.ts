import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import Redis from 'ioredis';
import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import type { QueueOptions } from '@hookline/nestjs';

export const POSTGRES_URL = process.env.HOOKLINE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.HOOKLINE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One storage + queue combination a suite runs on, with its own schema / key prefix. */
export interface TestDriver {
  name: string;
  database(): TypeOrmModuleOptions;
  queue(): QueueOptions;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

export function sqliteInProcess(): TestDriver {
  return {
    name: 'sqlite + in-process',
    database: () => ({ type: 'better-sqlite3', database: ':memory:', synchronize: true, autoLoadEntities: true }),
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
    database: () => ({
      type: 'postgres',
      url: POSTGRES_URL,
      schema,
      synchronize: true,
      autoLoadEntities: true,
      // Hookline's hand-written SQL uses unqualified table names; the search path finds the suite's schema.
      extra: { options: `-c search_path=${schema}`, max: 10 },
    }),
    queue: () => ({ driver: 'bullmq', connection: REDIS_URL, prefix }),
    async setUp() {
      const client = new Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.end();
    },
    async tearDown() {
      const client = new Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
      const redis = new Redis(REDIS_URL);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
    },
  };
}

export const ALL_DRIVERS = [sqliteInProcess, postgresBullmq];
