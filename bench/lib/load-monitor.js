'use strict';
// How busy the machine was while a scenario ran: CPU busy share from /proc/stat (all processes:
// ours, PostgreSQL, Redis and whatever else runs here) and the load average at both ends.
const fs = require('node:fs');
const os = require('node:os');

function cpuTimes() {
  try {
    const [line] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return { idle, total };
  } catch {
    // Not Linux: fall back to os.cpus() (coarser, same idea).
    let idle = 0;
    let total = 0;
    for (const cpu of os.cpus()) {
      idle += cpu.times.idle;
      total += Object.values(cpu.times).reduce((sum, value) => sum + value, 0);
    }
    return { idle, total };
  }
}

const load = () => os.loadavg().map((value) => Math.round(value * 100) / 100);
const busyShare = (from, to) => (to.total === from.total ? 0 : Math.round((1 - (to.idle - from.idle) / (to.total - from.total)) * 1000) / 1000);

class LoadMonitor {
  start() {
    this.first = load();
    this.firstCpu = cpuTimes();
  }

  /** A measurement window; end() returns what the machine did during it. */
  window() {
    const startedAt = Date.now();
    const from = cpuTimes();
    const loadStart = load();
    return {
      end: () => ({
        seconds: Math.round((Date.now() - startedAt) / 100) / 10,
        busy_share: busyShare(from, cpuTimes()),
        load_average_start: loadStart,
        load_average_end: load(),
      }),
    };
  }

  overall() {
    return busyShare(this.firstCpu, cpuTimes());
  }

  stop() {}
}

module.exports = { LoadMonitor };
