'use strict';
// Scenario 2: one event to 1,000 subscriptions (time until all 1,000 are received, best and
// median of a few rounds), then 100 events × 100 subscriptions in one publish call.
const { now } = require('../lib/clock');
const { eventBatch } = require('../lib/events');
const { percentile, round } = require('../lib/stats');
const { warmUp } = require('../lib/workload');
const { withSystem } = require('../lib/scenario-system');

async function subscribe(ctx, system, tenant, bucket, count) {
  const urls = Array.from({ length: count }, (_, i) => ctx.receiver.url(bucket, `/s${i}`));
  const created = await system.addSubscriptions(tenant, urls);
  const secrets = Object.fromEntries(created.filter((s) => s.secret).map((s) => [new URL(s.url).pathname, s.secret]));
  await ctx.receiver.configure(bucket, { secrets, verifyEvery: 10 });
}

async function run(ctx) {
  const rounds = ctx.quick ? 2 : 5;
  const wide = 1_000;
  const grid = ctx.quick ? 50 : 100;
  const wideBucket = `fan-wide-${ctx.system}`;
  const gridBucket = `fan-grid-${ctx.system}`;
  return withSystem(ctx, { buckets: [wideBucket, gridBucket] }, async (system) => {
    await subscribe(ctx, system, 'fan-wide', wideBucket, wide);
    await subscribe(ctx, system, 'fan-grid', gridBucket, 100);
    await warmUp(ctx, system);

    const times = [];
    let verified = 0;
    let failures = 0;
    for (let round_ = 1; round_ <= rounds; round_ += 1) {
      const startedAt = now();
      await system.publishBatch('fan-wide', eventBatch(round_, 1));
      const stats = await ctx.receiver.waitFor(wideBucket, wide * round_, 30_000);
      if (!stats.reached) throw new Error(`fan-out round ${round_}: ${stats.unique} of ${wide * round_} received`);
      times.push(stats.lastOkAt - startedAt);
      verified = stats.verified;
      failures = stats.verifyFailures;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }

    const gridCount = grid * 100;
    const startedAt = now();
    await system.publishBatch('fan-grid', eventBatch(0, grid));
    const gridStats = await ctx.receiver.waitFor(gridBucket, gridCount, 60_000);
    const gridSeconds = (gridStats.lastOkAt - startedAt) / 1000;
    return {
      fanout_1000_ms: round(percentile(times, 50), 0),
      fanout_1000_best_ms: round(Math.min(...times), 0),
      fanout_1000_rounds_ms: times.map((t) => round(t, 0)),
      grid: `${grid} events × 100 subscriptions`,
      grid_deliveries: gridStats.unique,
      grid_seconds: round(gridSeconds, 2),
      grid_per_second: round(gridStats.unique / gridSeconds, 0),
      signatures_verified: verified + gridStats.verified,
      signature_failures: failures + gridStats.verifyFailures,
    };
  });
}

module.exports = {
  id: 'fan-out',
  title: 'Fan-out: 1 event → 1,000 subscriptions (median of rounds); then 100 events × 100 subscriptions',
  systems: (quick) => (quick ? ['raw', 'naive', 'hookline-pg'] : ['raw', 'naive', 'hookline-pg', 'hookline-sqlite']),
  timeLimitMs: (quick) => (quick ? 60_000 : 150_000),
  metric: { key: 'fanout_1000_ms', unit: 'ms to 1,000 received', better: 'lower' },
  extraMetrics: [{ key: 'grid_per_second', unit: 'deliveries/s (100×100)', better: 'higher' }],
  run,
};
