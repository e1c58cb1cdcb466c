'use strict';
// Every system a scenario can run, built the same way so scenarios are written once.
const { createRaw } = require('../baselines/raw-http');
const { createNaive } = require('../baselines/naive-pipeline');
const { createHookline } = require('../systems/hookline');

/** HTTP lanes of both baselines: the design notes' 50 concurrent keep-alive connections. */
const LANES = 50;

const SYSTEMS = {
  raw: { role: 'baseline', create: (resources, extra) => createRaw(resources, { concurrency: LANES, ...extra }) },
  naive: { role: 'baseline', create: (resources, extra) => createNaive(resources, { concurrency: LANES, ...extra }) },
  'hookline-pg': { role: 'hookline', create: (resources, extra) => createHookline(resources, { storage: 'postgres', ...extra }) },
  'hookline-pg-axios': {
    role: 'hookline',
    create: (resources, extra) => createHookline(resources, { storage: 'postgres', transport: 'axios', ...extra }),
  },
  'hookline-pg-undici': {
    role: 'hookline',
    create: (resources, extra) => createHookline(resources, { storage: 'postgres', transport: 'undici', ...extra }),
  },
  'hookline-sqlite': { role: 'hookline', create: (resources, extra) => createHookline(resources, { storage: 'sqlite', ...extra }) },
};

function createSystem(name, resources, extra = {}) {
  const system = SYSTEMS[name];
  if (!system) throw new Error(`Unknown system "${name}"; known: ${Object.keys(SYSTEMS).join(', ')}`);
  return system.create(resources, extra);
}

module.exports = { LANES, SYSTEMS, createSystem };
