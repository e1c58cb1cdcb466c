'use strict';
// Hookline itself, built from compiled packages with HooklineRuntime (no Nest needed), on
// PostgreSQL or MySQL/MariaDB + BullMQ (the scale-out drivers) or on a SQLite file + the in-process
// queue (the embedded default). Every message, delivery and attempt is a row.
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const { DataSource } = require('typeorm');
const { HOOKLINE_ENTITIES, HOOKLINE_MYSQL_ENTITIES, HooklineRuntime } = require('@hookline/nestjs');
const { now } = require('../lib/clock');
const { EVENT_TYPE } = require('../lib/events');
const { MYSQL_URL, POSTGRES_URL, REDIS_URL, createMysqlDatabase, createSchema, dropMysqlDatabase } = require('../lib/services');

function collectingLogger() {
  const messages = { warn: 0, error: 0, samples: [] };
  const keep = (level, message) => {
    messages[level] += 1;
    if (messages.samples.length < 5) messages.samples.push(`${level}: ${String(message).slice(0, 300)}`);
  };
  return { messages, logger: { log: () => undefined, warn: (m) => keep('warn', m), error: (m) => keep('error', m) } };
}

const DATA_SOURCES = {
  postgres: (resources, _options, common) =>
    new DataSource({
      type: 'postgres',
      url: POSTGRES_URL,
      schema: resources.schema,
      // Hookline's hand-written SQL uses unqualified names: the search path finds our schema.
      extra: { options: `-c search_path=${resources.schema}` },
      ...common,
    }),
  mysql: (resources, _options, common) =>
    // `mariadb` for a MariaDB server (TypeORM reads its column defaults right only so); HOOKLINE_BENCH_MYSQL_TYPE=mysql for MySQL.
    new DataSource({ type: process.env.HOOKLINE_BENCH_MYSQL_TYPE ?? 'mariadb', url: `${MYSQL_URL}/${resources.schema}`, charset: 'utf8mb4_bin', ...common, entities: HOOKLINE_MYSQL_ENTITIES }),
  sqlite: (resources, options, common) =>
    new DataSource({ type: 'better-sqlite3', database: resources.sqlitePath, ...(options.sqliteWal ? { enableWAL: true } : {}), ...common }),
};

async function dataSourceFor(storage, resources, options) {
  const dataSource = DATA_SOURCES[storage](resources, options, { entities: HOOKLINE_ENTITIES, synchronize: true, logging: false });
  if (storage === 'postgres') await createSchema(resources.schema);
  if (storage === 'mysql') await createMysqlDatabase(resources.schema);
  await dataSource.initialize();
  return dataSource;
}

const LABELS = { postgres: 'postgres + bullmq', mysql: 'mysql + bullmq' };

/**
 * options: { storage: 'postgres' | 'mysql' | 'sqlite', sqliteWal?, transport?: 'axios' | 'undici', worker?, retry?, endpointHealth?, delivery?, runWorker? }
 */
async function createHookline(resources, options) {
  const storage = options.storage;
  const dataSource = await dataSourceFor(storage, resources, options);
  const { messages, logger } = collectingLogger();
  const runtimeOptions = {
    queue: storage === 'sqlite' ? { driver: 'in-process' } : { driver: 'bullmq', connection: REDIS_URL, prefix: resources.prefix },
    encryptionKey: options.encryptionKey ?? randomBytes(32).toString('base64'),
    delivery: {
      allowHttp: true,
      allowedHosts: ['127.0.0.1'],
      ...(options.transport ? { transport: options.transport } : {}),
      ...options.delivery,
    },
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.endpointHealth ? { endpointHealth: options.endpointHealth } : {}),
    // HOOKLINE_BENCH_WORKER='{"concurrency":40}' tries other worker options without editing the bench.
    worker: { ...options.worker, ...JSON.parse(process.env.HOOKLINE_BENCH_WORKER ?? '{}'), enabled: options.runWorker !== false },
    sweeper: { enabled: options.runWorker !== false },
  };
  const runtime = new HooklineRuntime(runtimeOptions, dataSource, logger);

  // Instrumentation only: when did the outcome rows of the N-th delivery land in the database?
  const written = { count: 0, lastAt: 0 };
  const record = runtime.store.record.bind(runtime.store);
  runtime.store.record = async (batch, at) => {
    const result = await record(batch, at);
    written.count += batch.attempts.length;
    written.lastAt = now();
    return result;
  };

  let started = false;
  return {
    kind: 'hookline',
    label: `hookline (${LABELS[storage] ?? `sqlite${options.sqliteWal ? ' (WAL)' : ''} + in-process`}, ${options.transport ?? 'undici'})`,
    runtime,
    dataSource,
    written,
    logs: messages,

    async addSubscriptions(tenant, urls) {
      const created = [];
      for (const url of urls) {
        const subscription = await runtime.subscriptions.create({ tenant, url, events: [EVENT_TYPE] });
        created.push({ id: subscription.id, url, secret: subscription.secret });
      }
      return created;
    },

    async start() {
      if (!started) await runtime.start();
      started = true;
    },

    publishBatch(tenant, events) {
      return runtime.publisher.publishMany(events.map((data) => ({ type: EVENT_TYPE, data, tenant })));
    },

    publishOne(tenant, data) {
      return runtime.publisher.publish(EVENT_TYPE, data, { tenant });
    },

    /** Row counts, to prove what was persisted. */
    async rows() {
      const count = async (sql) => Number((await dataSource.query(sql))[0].n);
      return {
        messages: await count('SELECT COUNT(*) AS n FROM webhook_message'),
        deliveries: await count('SELECT COUNT(*) AS n FROM webhook_delivery'),
        delivered: await count("SELECT COUNT(*) AS n FROM webhook_delivery WHERE status = 'delivered'"),
        attempts: await count('SELECT COUNT(*) AS n FROM webhook_attempt'),
      };
    },

    /** Waits (bounded) until `count` outcomes were written by the worker. */
    async waitWritten(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (written.count < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return written.count >= count;
    },

    async stop() {
      await runtime.stop();
      await dataSource.destroy();
      if (storage === 'sqlite') {
        for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${resources.sqlitePath}${suffix}`, { force: true });
      }
      if (storage === 'mysql') await dropMysqlDatabase(resources.schema);
    },
  };
}

module.exports = { createHookline };
