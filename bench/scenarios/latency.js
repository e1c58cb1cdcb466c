'use strict';
// Scenario 3: a steady 500 events/s, each published by its own call as host requests would;
// publish→receipt latency measured by the receiver from the event's `sent_at`.
const { percentile, round } = require('../lib/stats');
const { publishSteady, warmUp } = require('../lib/workload');
const { withSystem, signatureFigures } = require('../lib/scenario-system');

async function run(ctx) {
  const rate = 500;
  const seconds = ctx.quick ? 4 : 20;
  const bucket = `latency-${ctx.system}`;
  return withSystem(ctx, { buckets: [bucket] }, async (system) => {
    await warmUp(ctx, system);
    const [subscription] = await system.addSubscriptions('latency', [ctx.receiver.url(bucket)]);
    await ctx.receiver.configure(bucket, { secret: subscription.secret, verifyEvery: 100, latency: true });
    const cpuBefore = process.cpuUsage();
    const published = await publishSteady(system, 'latency', { rate, seconds });
    const stats = await ctx.receiver.waitFor(bucket, published.sent, 30_000);
    const cpu = process.cpuUsage(cpuBefore);
    return {
      rate_target: rate,
      rate_achieved: round(published.sent / published.seconds, 0),
      events: published.sent,
      skipped: published.skipped,
      publish_failures: published.failures,
      received: stats.unique,
      p50_ms: stats.latency.p50,
      p95_ms: stats.latency.p95,
      p99_ms: stats.latency.p99,
      max_ms: stats.latency.max,
      sender_cpu_share: round((cpu.user + cpu.system) / 1e6 / published.seconds, 2),
      sender_cpu_us_per_event: round((cpu.user + cpu.system) / published.sent, 0),
      publish_call_p50_ms: round(percentile(published.durations, 50), 2),
      publish_call_p99_ms: round(percentile(published.durations, 99), 2),
      ...signatureFigures(stats),
    };
  });
}

module.exports = {
  id: 'latency',
  title: 'Latency: steady 500 events/s, one publish call per event; publish→receipt',
  systems: (quick) => (quick ? ['raw', 'naive', 'hookline-pg'] : ['raw', 'naive', 'hookline-pg', 'hookline-mysql', 'hookline-sqlite']),
  timeLimitMs: (quick) => (quick ? 45_000 : 90_000),
  metric: { key: 'p99_ms', unit: 'ms p99', better: 'lower' },
  extraMetrics: [
    { key: 'p50_ms', unit: 'ms p50', better: 'lower' },
    { key: 'p95_ms', unit: 'ms p95', better: 'lower' },
  ],
  run,
};
