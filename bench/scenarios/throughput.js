'use strict';
// Scenario 1: 20,000 events to one subscription; deliveries/s from the first publish to the
// last receipt, and (for Hookline) until the last outcome row is written.
const { now } = require('../lib/clock');
const { round } = require('../lib/stats');
const { publishAll, warmUp } = require('../lib/workload');
const { withSystem, signatureFigures } = require('../lib/scenario-system');

const TENANT = 'throughput';

async function run(ctx) {
  const count = ctx.quick ? 5_000 : 20_000;
  const bucket = `throughput-${ctx.system}`;
  return withSystem(ctx, { buckets: [bucket] }, async (system) => {
    await warmUp(ctx, system);
    const [subscription] = await system.addSubscriptions(TENANT, [ctx.receiver.url(bucket)]);
    await ctx.receiver.configure(bucket, { secret: subscription.secret, verifyEvery: 100 });
    const writtenBefore = system.written?.count ?? 0;

    const cpuBefore = process.cpuUsage();
    const startedAt = now();
    await publishAll(system, TENANT, count);
    const publishedAt = now();
    const stats = await ctx.receiver.waitFor(bucket, count, 120_000);
    let endAt = stats.lastOkAt;
    let rows;
    if (system.written) {
      await system.waitWritten(writtenBefore + count, 30_000);
      endAt = Math.max(endAt, system.written.lastAt);
      rows = await system.rows();
    }
    const seconds = (endAt - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      events: count,
      delivered: stats.unique,
      complete: stats.unique >= count,
      duplicates: stats.duplicates,
      seconds: round(seconds, 2),
      per_second: round(stats.unique / seconds, 0),
      receipt_per_second: round(stats.unique / ((stats.lastOkAt - startedAt) / 1000), 0),
      publish_seconds: round((publishedAt - startedAt) / 1000, 2),
      // Load-independent: CPU the sending process spent per delivery (publisher + queue + worker).
      sender_cpu_us_per_delivery: round(((cpu.user + cpu.system) / count), 0),
      ...signatureFigures(stats),
      rows,
      all_rows_written: system.written ? system.written.count - writtenBefore >= count : undefined,
    };
  });
}

module.exports = {
  id: 'throughput',
  title: 'Throughput: events to 1 subscription, every row persisted',
  systems: (quick) =>
    quick
      ? ['raw', 'naive', 'hookline-pg', 'hookline-sqlite']
      : ['raw', 'naive', 'hookline-pg', 'hookline-pg-axios', 'hookline-pg-fixed50', 'hookline-mysql', 'hookline-sqlite', 'hookline-sqlite-wal'],
  timeLimitMs: (quick) => (quick ? 60_000 : 180_000),
  metric: { key: 'per_second', unit: 'deliveries/s', better: 'higher' },
  extraMetrics: [{ key: 'sender_cpu_us_per_delivery', unit: 'sender CPU µs/delivery', better: 'lower' }],
  run,
};
