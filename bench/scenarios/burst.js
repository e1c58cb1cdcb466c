'use strict';
// Scenario: the most common loyalty traffic shape. One shop, one fast endpoint, a burst of
// 10,000 events published with publishMany in batches of 500 (a nightly points-expiry job), at
// worker.concurrency 20 / 50 / 100 and every other option at its default. Deliveries/s from the
// first publish to the last receipt, and each event's lateness (publish → receipt).
const { now } = require('../lib/clock');
const { round } = require('../lib/stats');
const { publishAll, warmUp } = require('../lib/workload');
const { withSystem, signatureFigures } = require('../lib/scenario-system');

async function run(ctx) {
  const count = ctx.quick ? 5_000 : 10_000;
  const bucket = `burst-${ctx.system}`;
  return withSystem(ctx, { buckets: [bucket] }, async (system) => {
    await warmUp(ctx, system);
    const [subscription] = await system.addSubscriptions('burst', [ctx.receiver.url(bucket)]);
    await ctx.receiver.configure(bucket, { secret: subscription.secret, verifyEvery: 100, latency: true });
    const startedAt = now();
    await publishAll(system, 'burst', count, { batch: 500, publishers: 1 });
    const stats = await ctx.receiver.waitFor(bucket, count, 120_000);
    const seconds = ((stats.reached ? stats.lastOkAt : now()) - startedAt) / 1000;
    return {
      events: count,
      delivered: stats.unique,
      complete: stats.reached,
      duplicates: stats.duplicates,
      seconds: round(seconds, 2),
      per_second: round(stats.unique / seconds, 0),
      lateness_p50_ms: stats.latency.p50,
      lateness_p99_ms: stats.latency.p99,
      lateness_max_ms: stats.latency.max,
      // Target: the latest delivery is late by no more than the burst's own drain time plus 5 s.
      lateness_max_over_drain_s: round(stats.latency.max / 1000 - seconds, 2),
      attempts_per_delivery: round(stats.requests / Math.max(1, stats.unique), 2),
      ...signatureFigures(stats),
    };
  });
}

module.exports = {
  id: 'burst',
  title: 'Burst: 10,000 events (publishMany × 500) to one fast endpoint, worker.concurrency 20 / 50 / 100, all else at defaults',
  systems: (quick) => (quick ? ['naive', 'hookline-pg-c20', 'hookline-pg-c50', 'hookline-pg-c100'] : ['raw', 'naive', 'hookline-pg-c20', 'hookline-pg-c50', 'hookline-pg-c100']),
  timeLimitMs: (quick) => (quick ? 50_000 : 150_000),
  metric: { key: 'per_second', unit: 'deliveries/s', better: 'higher' },
  extraMetrics: [
    { key: 'lateness_p99_ms', unit: 'ms lateness p99', better: 'lower' },
    { key: 'lateness_max_ms', unit: 'ms lateness max', better: 'lower' },
  ],
  run,
};
