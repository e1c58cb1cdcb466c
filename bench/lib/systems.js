'use strict';
// Every system a scenario can run, built the same way so scenarios are written once.
const { createRaw } = require('../baselines/raw-http');
const { createNaive } = require('../baselines/naive-pipeline');
const { createHookline } = require('../systems/hookline');

/** HTTP lanes of both baselines: the design notes' 50 concurrent keep-alive connections. */
const LANES = Number(process.env.HOOKLINE_BENCH_LANES ?? 50);

// Hookline runs at its library defaults: each endpoint earns its own concurrency (1-100, from 10).
const hookline = (options) => (resources, extra) => createHookline(resources, { ...options, ...extra, worker: { ...options.worker, ...extra?.worker } });

const SYSTEMS = {
  raw: { role: 'baseline', create: (resources, extra) => createRaw(resources, { concurrency: LANES, ...extra }) },
  naive: { role: 'baseline', create: (resources, extra) => createNaive(resources, { concurrency: LANES, ...extra }) },
  // The main figures: PostgreSQL + BullMQ with the default (undici) transport, named explicitly.
  'hookline-pg': { role: 'hookline', create: hookline({ storage: 'postgres', transport: 'undici' }) },
  // The same with the axios transport.
  'hookline-pg-axios': { role: 'hookline', create: hookline({ storage: 'postgres', transport: 'axios' }) },
  // The same with a fixed limit of the baselines' lanes instead of the adaptive one (the older form).
  'hookline-pg-fixed50': { role: 'hookline', create: hookline({ storage: 'postgres', transport: 'undici', worker: { perSubscriptionConcurrency: LANES } }) },
  // worker.concurrency 20 (the default), 50 and 100, every other option at its default (the burst scenario).
  'hookline-pg-c20': { role: 'hookline', create: hookline({ storage: 'postgres', worker: { concurrency: 20 } }) },
  'hookline-pg-c50': { role: 'hookline', create: hookline({ storage: 'postgres', worker: { concurrency: 50 } }) },
  'hookline-pg-c100': { role: 'hookline', create: hookline({ storage: 'postgres', worker: { concurrency: 100 } }) },
  // MySQL/MariaDB + BullMQ at the library defaults, like hookline-pg.
  'hookline-mysql': { role: 'hookline', create: hookline({ storage: 'mysql', transport: 'undici' }) },
  // The embedded default: SQLite file + in-process queue, default transport.
  'hookline-sqlite': { role: 'hookline', create: hookline({ storage: 'sqlite' }) },
  // The same with the SQLite file in WAL mode (TypeORM's enableWAL), which a host can turn on.
  'hookline-sqlite-wal': { role: 'hookline', create: hookline({ storage: 'sqlite', sqliteWal: true }) },
};

function createSystem(name, resources, extra = {}) {
  const system = SYSTEMS[name];
  if (!system) throw new Error(`Unknown system "${name}"; known: ${Object.keys(SYSTEMS).join(', ')}`);
  return system.create(resources, extra);
}

module.exports = { LANES, SYSTEMS, createSystem };
