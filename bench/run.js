'use strict';
// `npm run bench [-- --quick] [-- --only=throughput,latency] [-- --systems=hookline-pg] [-- --repeat=3] [-- --cpu-prof]`
// Starts the receiver process, runs every scenario against every system in a fresh child process
// (baselines in the same run, against the same receiver), then prints a table and writes
// bench/results/<date>.json, bench/results/latest.json and bench/results/latest.svg.
const { fork } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ReceiverClient } = require('./lib/receiver-client');
const { deleteRedisPrefix, dropSchema, serverVersions, uniqueNames } = require('./lib/services');
const { LoadMonitor } = require('./lib/load-monitor');
const { summarize } = require('./lib/summarize');
const { renderTable } = require('./lib/table');
const { renderSvg } = require('./lib/chart');
const { medianRun, renderSpread } = require('./lib/repeats');
const { packageVersions } = require('./lib/versions');
const { LANES } = require('./lib/systems');

const SCENARIOS = ['throughput', 'burst', 'blip', 'fan-out', 'latency', 'retry-storm', 'slow-endpoint', 'publish-cost', 'memory'];
const RESULTS_DIR = path.join(__dirname, 'results');
/** The whole run stops by itself past this, whatever happens. */
const RUN_LIMIT_MS = { quick: 170_000, full: 30 * 60_000 };

function parseArgs(argv) {
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  return {
    quick: argv.includes('--quick'),
    only: value('only')?.split(',') ?? SCENARIOS,
    systems: value('systems')?.split(','),
    cpuProf: argv.includes('--cpu-prof'),
    repeat: Math.max(1, Math.floor(Number(value('repeat') ?? 1)) || 1),
  };
}

function startReceiver() {
  const child = fork(path.join(__dirname, 'receiver-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The receiver did not start in 10 s')), 10_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve({ child, ports: { port: message.port, altPort: message.altPort } });
    });
    child.once('exit', (code) => reject(new Error(`The receiver exited with ${code}`)));
  });
}

function runChild(job, { limitMs, cpuProf }) {
  const execArgv = ['--expose-gc', '--max-old-space-size=4096'];
  if (cpuProf) execArgv.push('--cpu-prof', `--cpu-prof-dir=${path.join(RESULTS_DIR, 'profiles')}`, `--cpu-prof-name=${job.scenario}-${job.system}-${Date.now()}.cpuprofile`);
  const child = fork(path.join(__dirname, 'lib', 'scenario-child.js'), [JSON.stringify(job)], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve) => {
    let outcome = { error: 'the child exited without a result' };
    const timer = setTimeout(() => {
      outcome = { error: `timed out after ${limitMs} ms` };
      child.kill('SIGKILL');
    }, limitMs);
    child.on('message', (message) => {
      if (message.log) console.log(`  ${message.log}`);
      else outcome = message;
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(outcome);
    });
  });
}

async function cleanUp(resources) {
  await dropSchema(resources.schema).catch((error) => console.warn(`  could not drop ${resources.schema}: ${error.message}`));
  await deleteRedisPrefix(resources.prefix).catch((error) => console.warn(`  could not clean ${resources.prefix}: ${error.message}`));
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${resources.sqlitePath}${suffix}`, { force: true });
}

/** One scenario against one system in a fresh child, with the machine's load while it ran; cleans up after. */
async function runRow({ id, system, scenario, args, receiver, ports, monitor, left, label }) {
  const resources = { ...uniqueNames(), sqlitePath: path.join(os.tmpdir(), `hlbench-${process.pid}-${Date.now()}.sqlite`) };
  console.log(`- ${id} / ${system}${label}`);
  const window = monitor.window();
  const receiverCpuBefore = (await receiver.processInfo()).cpu;
  const outcome = await runChild(
    { scenario: id, system, quick: args.quick, receiver: ports, resources },
    { limitMs: Math.min(scenario.timeLimitMs(args.quick), left), cpuProf: args.cpuProf },
  );
  const receiverCpu = (await receiver.processInfo()).cpu;
  const load = window.end();
  load.receiver_cpu_seconds = Math.round((receiverCpu.user + receiverCpu.system - receiverCpuBefore.user - receiverCpuBefore.system) / 1e4) / 100;
  const benchCpu = (outcome.figures?.cpu_seconds ?? 0) + load.receiver_cpu_seconds;
  load.busy_share_other = Math.max(0, Math.round((load.busy_share - benchCpu / (os.cpus().length * load.seconds)) * 1000) / 1000);
  await cleanUp(resources);
  if (outcome.error) console.log(`  ERROR: ${outcome.error.split('\n').slice(0, 3).join(' | ')}`);
  return outcome.error ? { error: outcome.error, load } : { ...outcome.figures, load };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const mode = args.quick ? 'quick' : 'full';
  const runDeadline = Date.now() + RUN_LIMIT_MS[mode] * args.repeat;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const startedAt = new Date();
  const monitor = new LoadMonitor();
  monitor.start();
  console.log(`Hookline bench (${mode}${args.repeat > 1 ? `, each row ${args.repeat} times` : ''}) on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('Everything shares this machine: receiver, senders, PostgreSQL and Redis compete for the same cores.');

  const { child: receiverChild, ports } = await startReceiver();
  const receiver = new ReceiverClient(ports);
  const runs = {};
  try {
    for (let round = 1; round <= args.repeat; round += 1) {
      for (const id of args.only) {
        const scenario = require(`./scenarios/${id}`);
        const systems = args.systems ?? scenario.systems(args.quick);
        runs[id] ??= {};
        for (const system of systems) {
          const record = (run) => (runs[id][system] ??= []).push(run);
          const left = runDeadline - Date.now();
          if (left < 5_000) {
            record({ error: 'skipped: the run time limit was reached' });
            continue;
          }
          record(await runRow({ id, system, scenario, args, receiver, ports, monitor, left, label: args.repeat > 1 ? ` (round ${round} of ${args.repeat})` : '' }));
        }
      }
    }
  } finally {
    receiverChild.kill('SIGTERM');
    monitor.stop();
  }

  const results = {};
  for (const [id, bySystem] of Object.entries(runs)) {
    const { key } = require(`./scenarios/${id}`).metric;
    results[id] = Object.fromEntries(Object.entries(bySystem).map(([system, all]) => [system, medianRun(all, key)]));
  }
  const report = {
    date: startedAt.toISOString(),
    mode,
    repeat: args.repeat,
    machine: {
      cores: os.cpus().length,
      cpu_model: os.cpus()[0]?.model,
      memory_gib: Math.round(os.totalmem() / 2 ** 30),
      load_average_start: monitor.first,
      load_average_end: os.loadavg().map((l) => Math.round(l * 100) / 100),
      busy_share_during_run: monitor.overall(),
      note: 'Receiver, senders, PostgreSQL and Redis all share these cores; other processes on the machine show up in busy_share_other.',
    },
    versions: { node: process.version, ...packageVersions(), ...(await serverVersions().catch(() => ({}))) },
    settings: {
      http_concurrency: LANES,
      note: `raw: ${LANES} undici lanes; naive: BullMQ concurrency ${LANES}; hookline: library defaults (adaptive endpoint concurrency 1-100 from 10, worker.concurrency 20) except where a system's name says otherwise (fixed50: a fixed limit of ${LANES}; c50/c100: worker.concurrency). Publishers send batches of 100 events from 2 loops in the same process as the worker.`,
    },
    scenarios: args.only.map((id) => summarize(require(`./scenarios/${id}`), results[id], results)),
  };
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(path.join(RESULTS_DIR, `${stamp}.json`), json);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.svg'), renderSvg(report));
  console.log('');
  console.log(renderTable(report));
  if (args.repeat > 1) console.log(`\nEach row is its median run of ${args.repeat}:\n${renderSpread(report)}`);
  console.log(`\nWrote bench/results/${stamp}.json, latest.json and latest.svg`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
