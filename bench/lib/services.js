'use strict';
// PostgreSQL, MySQL/MariaDB and Redis on loopback only, each run in its own schema (database) / key prefix.
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');
const { Redis } = require('ioredis');

const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
const MYSQL_URL = 'mysql://root@127.0.0.1:3306';
const REDIS_URL = 'redis://127.0.0.1:6379';

function uniqueNames() {
  const suffix = randomBytes(4).toString('hex');
  return { schema: `hlbench_${suffix}`, prefix: `hlbench-${suffix}` };
}

async function withPg(work) {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createSchema(schema) {
  await withPg((client) => client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`));
}

async function dropSchema(schema) {
  await withPg((client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
}

async function withMysql(statement) {
  // Loaded here: only the MySQL system needs mysql2.
  const { createConnection } = require('mysql2/promise');
  const connection = await createConnection(MYSQL_URL);
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}

/** A MySQL database of its own, case-sensitive as PostgreSQL compares. */
async function createMysqlDatabase(name) {
  await withMysql(`CREATE DATABASE IF NOT EXISTS ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
}

async function dropMysqlDatabase(name) {
  await withMysql(`DROP DATABASE IF EXISTS ${name}`);
}

/** Deletes every key under `prefix:`; bounded by a key count so a typo cannot run away. */
async function deleteRedisPrefix(prefix, maxKeys = 5_000_000) {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let cursor = '0';
  let deleted = 0;
  try {
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 2000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0' && deleted < maxKeys);
  } finally {
    await redis.quit();
  }
  return deleted;
}

async function serverVersions() {
  const postgres = await withPg(async (client) => (await client.query('SHOW server_version')).rows[0].server_version);
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const info = await redis.info('server');
  await redis.quit();
  return { postgres, redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown' };
}

module.exports = { POSTGRES_URL, MYSQL_URL, REDIS_URL, uniqueNames, createSchema, dropSchema, createMysqlDatabase, dropMysqlDatabase, deleteRedisPrefix, serverVersions };
