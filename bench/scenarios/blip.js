'use strict';
// Scenario: the endpoint blips during its own deploy. A burst of 10,000 events to one endpoint
// that answers 503 for 2 s once a third of them got through; every option at its default (the
// standard retry schedule: 5 s, 5 min …; the circuit breaker on). Seconds from the endpoint's
// recovery to the last receipt, and attempts per delivery.
const { now } = require('../lib/clock');
const { round } = require('../lib/stats');
const { publishAll, warmUp } = require('../lib/workload');
const { withSystem, signatureFigures } = require('../lib/scenario-system');

const BLIP_MS = 2_000;

async function run(ctx) {
  const count = ctx.quick ? 5_000 : 10_000;
  const bucket = `blip-${ctx.system}`;
  // The naive sender gets the same first retry as Hookline's standard schedule.
  const options = { retrySchedule: [5_000, 300_000, 1_800_000] };
  return withSystem(ctx, { options, buckets: [bucket] }, async (system) => {
    await warmUp(ctx, system);
    const [subscription] = await system.addSubscriptions('blip', [ctx.receiver.url(bucket)]);
    await ctx.receiver.configure(bucket, { secret: subscription.secret, verifyEvery: 100, blip: { afterOk: Math.floor(count / 3), ms: BLIP_MS } });
    const startedAt = now();
    await publishAll(system, 'blip', count, { batch: 500, publishers: 1 });
    const stats = await ctx.receiver.waitFor(bucket, count, 90_000);
    const endAt = stats.reached ? stats.lastOkAt : now();
    return {
      events: count,
      delivered: stats.unique,
      complete: stats.reached,
      duplicates: stats.duplicates,
      seconds: round((endAt - startedAt) / 1000, 2),
      recovery_to_last_s: stats.blipEndedAt ? round((endAt - stats.blipEndedAt) / 1000, 2) : null,
      attempts_per_delivery: round(stats.requests / Math.max(1, stats.unique), 3),
      failed_attempts: stats.failed,
      ...signatureFigures(stats),
    };
  });
}

module.exports = {
  id: 'blip',
  title: 'Blip: 10,000 events to one endpoint that answers 503 for 2 s mid-burst; all options at defaults',
  systems: () => ['naive', 'hookline-pg'],
  timeLimitMs: (quick) => (quick ? 60_000 : 120_000),
  metric: { key: 'recovery_to_last_s', unit: 's from recovery to last receipt', better: 'lower' },
  extraMetrics: [{ key: 'attempts_per_delivery', unit: 'attempts/delivery', better: 'lower' }],
  run,
};
