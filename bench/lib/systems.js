'use strict';
// Every system a scenario can run, built the same way so scenarios are written once.
const { createRaw } = require('../baselines/raw-http');
const { createNaive } = require('../baselines/naive-pipeline');
const { createHookline } = require('../systems/hookline');

/** HTTP lanes of both baselines: the design notes' 50 concurrent keep-alive connections. */
const LANES = Number(process.env.HOOKLINE_BENCH_LANES ?? 50);

/** Hookline gets the baselines' HTTP concurrency per subscription (its default cap is 10). */
const SAME_CONCURRENCY = { perSubscriptionConcurrency: LANES };
const hookline = (options) => (resources, extra) => createHookline(resources, { worker: SAME_CONCURRENCY, ...options, ...extra });

const SYSTEMS = {
  raw: { role: 'baseline', create: (resources, extra) => createRaw(resources, { concurrency: LANES, ...extra }) },
  naive: { role: 'baseline', create: (resources, extra) => createNaive(resources, { concurrency: LANES, ...extra }) },
  // The main figures: PostgreSQL + BullMQ with the default (undici) transport, named explicitly.
  'hookline-pg': { role: 'hookline', create: hookline({ storage: 'postgres', transport: 'undici' }) },
  // The same with the axios transport.
  'hookline-pg-axios': { role: 'hookline', create: hookline({ storage: 'postgres', transport: 'axios' }) },
  // The same with the default per-subscription cap (10 in flight).
  'hookline-pg-cap10': { role: 'hookline', create: hookline({ storage: 'postgres', transport: 'undici', worker: {} }) },
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
