'use strict';
// Where does publish→receipt time go? Runs the latency load against hookline-pg (or sqlite) and
// reports per-stage timings: publish() call, queue wait (publish end → job start), claim+load, HTTP.
//   node bench/tools/latency-probe.js [hookline-pg|hookline-sqlite] [rate] [seconds]
const { fork } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { ReceiverClient } = require('../lib/receiver-client');
const { createSystem } = require('../lib/systems');
const { deleteRedisPrefix, dropSchema, uniqueNames } = require('../lib/services');
const { now } = require('../lib/clock');
const { percentile } = require('../lib/stats');
const { publishSteady } = require('../lib/workload');

async function main() {
  const [systemName = 'hookline-pg', rate = '500', seconds = '5'] = process.argv.slice(2);
  const receiverChild = fork(path.join(__dirname, '..', 'receiver-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ports = await new Promise((resolve) => receiverChild.once('message', resolve));
  const receiver = new ReceiverClient(ports);
  const resources = { ...uniqueNames(), sqlitePath: path.join(os.tmpdir(), `hlprobe-${process.pid}.sqlite`) };
  const system = await createSystem(systemName, resources);
  const stages = { jobWaitMs: [], claimMs: [], jobMs: [], jobSizes: [] };
  const runtime = system.runtime;
  const publishedAt = new Map();
  const publishMany = runtime.publisher.publishMany.bind(runtime.publisher);
  runtime.publisher.publishMany = async (inputs, options) => {
    const results = await publishMany(inputs, options);
    return results;
  };
  const enqueueNew = runtime.enqueuer.enqueueNew.bind(runtime.enqueuer);
  runtime.enqueuer.enqueueNew = async (ids) => {
    const t = now();
    for (const id of ids) publishedAt.set(id, t);
    return enqueueNew(ids);
  };
  const claimWork = runtime.store.claimWork.bind(runtime.store);
  runtime.store.claimWork = async (ids, ...rest) => {
    const t = now();
    for (const id of ids) if (publishedAt.has(id)) stages.jobWaitMs.push(t - publishedAt.get(id));
    stages.jobSizes.push(ids.length);
    const work = await claimWork(ids, ...rest);
    stages.claimMs.push(now() - t);
    return work;
  };
  const process_ = runtime.processor.process.bind(runtime.processor);
  runtime.processor.process = async (ids, options) => {
    const t = now();
    await process_(ids, options);
    stages.jobMs.push(now() - t);
  };
  try {
    await system.addSubscriptions('probe', [receiver.url('probe')]);
    await receiver.configure('probe', { latency: true });
    await system.start();
    const published = await publishSteady(system, 'probe', { rate: Number(rate), seconds: Number(seconds) });
    const stats = await receiver.waitFor('probe', published.sent, 30_000);
    const show = (name, values) =>
      console.log(`${name.padEnd(12)} n=${String(values.length).padStart(6)} p50=${percentile(values, 50)?.toFixed(1)} p95=${percentile(values, 95)?.toFixed(1)} p99=${percentile(values, 99)?.toFixed(1)}`);
    show('publish()', published.durations);
    show('queue wait', stages.jobWaitMs);
    show('claim+load', stages.claimMs);
    show('job total', stages.jobMs);
    show('job size', stages.jobSizes);
    console.log('end to end', stats.latency, 'received', stats.unique, 'of', published.sent);
  } finally {
    await system.stop();
    receiverChild.kill();
    await dropSchema(resources.schema);
    await deleteRedisPrefix(resources.prefix);
  }
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
