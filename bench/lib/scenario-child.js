'use strict';
// Runs one scenario against one system in a fresh process (clean heap, sockets and GC), and
// reports its figures to bench/run.js over IPC. The parent drops the schema / Redis keys after.
const { ReceiverClient } = require('./receiver-client');
const { createSystem } = require('./systems');

async function main() {
  const job = JSON.parse(process.argv[2]);
  const scenario = require(`../scenarios/${job.scenario}`);
  const receiver = new ReceiverClient(job.receiver);
  const ctx = {
    quick: job.quick,
    receiver,
    system: job.system,
    resources: job.resources,
    /** Builds the system under test (extra options per scenario, e.g. a retry schedule). */
    createSystem: (extra) => createSystem(job.system, job.resources, extra),
    log: (message) => process.send?.({ log: `[${job.scenario}/${job.system}] ${message}` }),
  };
  const figures = await scenario.run(ctx);
  // Since the process started: module loading is CPU this process took from the machine too.
  const cpu = process.cpuUsage();
  return { ...figures, cpu_seconds: Math.round((cpu.user + cpu.system) / 1e4) / 100 };
}

// Exit only once the message is out: an exit right after send() can drop it.
const reply = (message, code) => process.send(message, () => process.exit(code));
main().then(
  (figures) => reply({ figures }, 0),
  (error) => reply({ error: error.stack ?? String(error) }, 1),
);
