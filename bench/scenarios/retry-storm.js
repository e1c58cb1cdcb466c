'use strict';
// Scenario 4: the receiver answers 503 to half the requests, at random. Everyone retries on the
// same short schedule (the raw baseline resends at once): time until all are delivered, attempts
// per delivery, and the throughput of the healthy share (2xx answers per second).
const { now } = require('../lib/clock');
const { round } = require('../lib/stats');
const { publishAll, warmUp } = require('../lib/workload');
const { withSystem, signatureFigures } = require('../lib/scenario-system');

/** 20 retries: the chance that one delivery fails them all at 50% is one in two million. */
const SCHEDULE = [50, 100, 200, 400, ...Array(16).fill(500)];

async function run(ctx) {
  const count = ctx.quick ? 1_000 : 5_000;
  const bucket = `retry-${ctx.system}`;
  // The circuit breaker is off here: at 50% random failures, 10 in a row happen every ~2,000
  // attempts, and its default 60 s probe interval would measure the breaker, not the retries.
  const options = { retry: { schedule: SCHEDULE, jitter: 0.1 }, endpointHealth: { enabled: false }, retrySchedule: SCHEDULE };
  return withSystem(ctx, { options, buckets: [bucket] }, async (system) => {
    await warmUp(ctx, system);
    const [subscription] = await system.addSubscriptions('retry', [ctx.receiver.url(bucket)]);
    const most = Math.floor(count * 0.99);
    await ctx.receiver.configure(bucket, { secret: subscription.secret, verifyEvery: 50, failRatio: 0.5, marks: [most] });
    const startedAt = now();
    await publishAll(system, 'retry', count);
    const stats = await ctx.receiver.waitFor(bucket, count, 90_000);
    const seconds = (stats.lastOkAt - startedAt) / 1000;
    const seconds99 = ((stats.reachedAt[most] ?? stats.lastOkAt) - startedAt) / 1000;
    const rows = system.rows ? await system.rows() : undefined;
    return {
      deliveries: count,
      delivered: stats.unique,
      complete: stats.unique >= count,
      seconds_to_all: round(seconds, 2),
      seconds_to_99pct: round(seconds99, 2),
      attempts_per_delivery: round(stats.requests / Math.max(1, stats.unique), 2),
      // The healthy share: deliveries that got through, per second, until 99% had (the last 1% is
      // the unlucky tail, waiting out backoff delays rather than measuring the pipeline).
      healthy_per_second: round(most / seconds99, 0),
      requests_per_second: round(stats.requests / seconds, 0),
      duplicates: stats.duplicates,
      rows,
      ...signatureFigures(stats),
    };
  });
}

module.exports = {
  id: 'retry-storm',
  title: 'Retry storm: receiver fails 50% with 503; retries every 50-500 ms (20 retries); Hookline circuit breaker off',
  systems: (quick) => (quick ? ['raw', 'naive', 'hookline-pg'] : ['raw', 'naive', 'hookline-pg', 'hookline-sqlite']),
  timeLimitMs: (quick) => (quick ? 60_000 : 150_000),
  metric: { key: 'healthy_per_second', unit: 'deliveries/s to 99%', better: 'higher' },
  extraMetrics: [
    { key: 'seconds_to_99pct', unit: 's until 99% delivered', better: 'lower' },
    { key: 'seconds_to_all', unit: 's until all delivered', better: 'lower' },
    { key: 'attempts_per_delivery', unit: 'attempts/delivery', better: 'lower' },
  ],
  run,
};
