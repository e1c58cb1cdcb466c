'use strict';
// Scenario 6: what publish() costs the host request that calls it, with the database commit
// (Hookline) or the Redis round trip (naive): one caller in a loop, then 16 concurrent callers.
// No worker runs, so only publishing is measured.
const { now } = require('../lib/clock');
const { eventData } = require('../lib/events');
const { percentile, round } = require('../lib/stats');
const { withSystem } = require('../lib/scenario-system');

async function measure(system, callers, seconds, maxCalls) {
  const durations = [];
  const deadline = now() + seconds * 1000;
  const startedAt = now();
  let calls = 0;
  const loop = async () => {
    while (now() < deadline && calls < maxCalls) {
      calls += 1;
      const callStart = now();
      await system.publishOne('publish', eventData(calls));
      durations.push(now() - callStart);
    }
  };
  await Promise.all(Array.from({ length: callers }, loop));
  const elapsed = (now() - startedAt) / 1000;
  return {
    calls_per_second: round(durations.length / elapsed, 0),
    p50_ms: round(percentile(durations, 50), 2),
    p99_ms: round(percentile(durations, 99), 2),
  };
}

async function run(ctx) {
  const seconds = ctx.quick ? 3 : 8;
  return withSystem(ctx, { options: { runWorker: false } }, async (system) => {
    await system.addSubscriptions('publish', [ctx.receiver.url('publish-cost-unused')]);
    await measure(system, 4, 1, 2_000); // warm-up
    const sequential = await measure(system, 1, seconds, 100_000);
    const concurrent = await measure(system, 16, seconds, 200_000);
    return {
      sequential_calls_per_second: sequential.calls_per_second,
      sequential_p50_ms: sequential.p50_ms,
      sequential_p99_ms: sequential.p99_ms,
      concurrent_callers: 16,
      calls_per_second: concurrent.calls_per_second,
      concurrent_p50_ms: concurrent.p50_ms,
      concurrent_p99_ms: concurrent.p99_ms,
    };
  });
}

module.exports = {
  id: 'publish-cost',
  title: 'Publish cost: publish() calls/s with the commit (16 concurrent callers; and 1 caller)',
  systems: () => ['naive', 'hookline-pg', 'hookline-sqlite'],
  timeLimitMs: (quick) => (quick ? 40_000 : 60_000),
  metric: { key: 'calls_per_second', unit: 'publish calls/s (16 callers)', better: 'higher' },
  extraMetrics: [
    { key: 'sequential_p50_ms', unit: 'ms per call, 1 caller, p50', better: 'lower' },
    { key: 'sequential_p99_ms', unit: 'ms per call, 1 caller, p99', better: 'lower' },
  ],
  run,
};
