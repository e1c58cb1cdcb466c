'use strict';
// Scenario 7: RSS and heap of the process running publisher + worker over 100,000 deliveries,
// with backpressure so the backlog stays bounded: memory should stay flat, not grow with volume.
const { now } = require('../lib/clock');
const { round, slope } = require('../lib/stats');
const { publishAll, warmUp } = require('../lib/workload');
const { withSystem } = require('../lib/scenario-system');

const MB = 2 ** 20;

function sample(delivered) {
  const memory = process.memoryUsage();
  return { delivered, rss_mb: round(memory.rss / MB, 1), heap_mb: round(memory.heapUsed / MB, 1) };
}

async function settledSample(delivered) {
  for (let i = 0; i < 3; i += 1) global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return sample(delivered);
}

async function run(ctx) {
  const count = ctx.quick ? 20_000 : 100_000;
  const backlog = 5_000;
  const bucket = `memory-${ctx.system}`;
  return withSystem(ctx, { buckets: [bucket] }, async (system) => {
    await warmUp(ctx, system, 2_000);
    await ctx.receiver.configure(bucket, { trackIds: false });
    await system.addSubscriptions('memory', [ctx.receiver.url(bucket)]);
    const base = system.written.count;
    const delivered = () => system.written.count - base;
    const samples = [];
    const timer = setInterval(() => samples.push(sample(delivered())), 250);
    const before = await settledSample(0);
    const startedAt = now();
    await publishAll(system, 'memory', count, {
      gate: async (published) => {
        const deadline = Date.now() + 30_000;
        while (published - delivered() > backlog && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      },
    });
    await system.waitWritten(base + count, 60_000);
    clearInterval(timer);
    const seconds = (now() - startedAt) / 1000;
    const after = await settledSample(delivered());
    const steady = samples.filter((s) => s.delivered >= count * 0.2);
    const heapSlope = slope(steady.map((s) => [s.delivered, s.heap_mb])) * 10_000;
    const step = Math.max(1, Math.floor(samples.length / 60));
    return {
      deliveries: delivered(),
      seconds: round(seconds, 1),
      per_second: round(delivered() / seconds, 0),
      rss_start_mb: before.rss_mb,
      rss_peak_mb: Math.max(...samples.map((s) => s.rss_mb)),
      rss_end_mb: after.rss_mb,
      heap_start_mb: before.heap_mb,
      heap_peak_mb: Math.max(...samples.map((s) => s.heap_mb)),
      heap_end_mb: after.heap_mb,
      heap_growth_mb: round(after.heap_mb - before.heap_mb, 1),
      heap_slope_mb_per_10k: round(heapSlope, 2),
      flat: after.heap_mb - before.heap_mb < 10,
      samples: samples.filter((_, i) => i % step === 0),
    };
  });
}

module.exports = {
  id: 'memory',
  title: 'Memory: RSS and heap (after GC) over 100,000 deliveries, backlog ≤ 5,000',
  systems: () => ['hookline-pg'],
  timeLimitMs: (quick) => (quick ? 45_000 : 150_000),
  metric: { key: 'heap_growth_mb', unit: 'MB heap growth (after GC)', better: 'lower' },
  run,
};
