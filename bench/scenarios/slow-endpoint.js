'use strict';
// Scenario 5: every event goes to two subscriptions of one tenant. One endpoint (on another
// origin) sleeps 5 s per request; the other is fast. How many deliveries/s does the fast one
// keep, compared with its own throughput in scenario 1?
const { now } = require('../lib/clock');
const { round } = require('../lib/stats');
const { publishAll, warmUp } = require('../lib/workload');
const { withSystem, signatureFigures } = require('../lib/scenario-system');

async function run(ctx) {
  const count = ctx.quick ? 5_000 : 20_000;
  const windowMs = ctx.quick ? 12_000 : 45_000;
  const fast = `iso-fast-${ctx.system}`;
  const slow = `iso-slow-${ctx.system}`;
  return withSystem(ctx, { buckets: [fast, slow] }, async (system) => {
    await warmUp(ctx, system);
    const [fastSubscription] = await system.addSubscriptions('isolation', [ctx.receiver.url(fast)]);
    await system.addSubscriptions('isolation', [ctx.receiver.url(slow, '', { alt: true })]);
    await ctx.receiver.configure(fast, { secret: fastSubscription.secret, verifyEvery: 100 });
    await ctx.receiver.configure(slow, { sleepMs: 5_000 });
    const startedAt = now();
    let publishedAt = 0;
    const publishing = publishAll(system, 'isolation', count).then(() => (publishedAt = now()));
    const stats = await ctx.receiver.waitFor(fast, count, windowMs);
    const endAt = stats.reached ? stats.lastOkAt : now();
    const slowStats = await ctx.receiver.stats(slow);
    await publishing;
    const seconds = (endAt - startedAt) / 1000;
    return {
      events: count,
      fast_delivered: stats.unique,
      complete: stats.reached,
      seconds: round(seconds, 2),
      fast_per_second: round(stats.unique / seconds, 0),
      slow_received: slowStats.requests,
      publish_seconds: round((publishedAt - startedAt) / 1000, 2),
      ...signatureFigures(stats),
    };
  });
}

module.exports = {
  id: 'slow-endpoint',
  title: 'Slow endpoint isolation: each event → a 5 s endpoint and a fast one; the fast one\'s deliveries/s',
  systems: (quick) => (quick ? ['naive', 'hookline-pg'] : ['raw', 'naive', 'hookline-pg', 'hookline-sqlite']),
  timeLimitMs: (quick) => (quick ? 60_000 : 120_000),
  metric: { key: 'fast_per_second', unit: 'fast deliveries/s', better: 'higher' },
  run,
};
