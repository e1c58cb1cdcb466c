'use strict';
// Load shapes shared by scenarios: batched publishing, a warm-up, a steady rate.
const { now } = require('./clock');
const { eventBatch, eventData } = require('./events');

/**
 * Publishes `count` events to `tenant` in calls of `batch` events (publishMany / addBulk), from
 * `publishers` concurrent loops, as a host with a few busy request handlers would.
 * `gate` (optional) is awaited before each call: backpressure for long runs.
 */
async function publishAll(system, tenant, count, { batch = 100, publishers = 2, gate, offset = 0 } = {}) {
  let next = 0;
  const loop = async () => {
    while (next < count) {
      const start = next;
      const size = Math.min(batch, count - start);
      next += size;
      if (gate) await gate(start);
      await system.publishBatch(tenant, eventBatch(offset + start, size));
    }
  };
  await Promise.all(Array.from({ length: publishers }, loop));
}

/** Sends a little traffic first so connections, JIT and pools are warm, then drops the bucket. */
async function warmUp(ctx, system, count = 1_000) {
  const bucket = `warm-${process.pid}`;
  await ctx.receiver.configure(bucket, {});
  await system.addSubscriptions('warm-up', [ctx.receiver.url(bucket)]);
  await system.start();
  await publishAll(system, 'warm-up', count, { batch: 100, publishers: 1 });
  const stats = await ctx.receiver.waitFor(bucket, count, 30_000);
  if (system.waitWritten) await system.waitWritten(count, 10_000);
  await ctx.receiver.drop(bucket);
  if (!stats.reached) throw new Error(`Warm-up delivered only ${stats.unique} of ${count}`);
}

/**
 * Publishes single events at a steady `rate` per second for `seconds`, each call on its own (as
 * host requests would), never more than `maxInFlight` calls outstanding. Returns call timings.
 */
async function publishSteady(system, tenant, { rate, seconds, maxInFlight = 2_000 }) {
  const started = now();
  const total = Math.round(rate * seconds);
  const durations = [];
  const inFlight = new Set();
  let sent = 0;
  let skipped = 0;
  let failures = 0;
  while (sent + skipped < total) {
    const due = Math.min(total, Math.floor(((now() - started) / 1000) * rate));
    while (sent + skipped < due) {
      if (inFlight.size >= maxInFlight) {
        skipped += 1;
        continue;
      }
      const callStart = now();
      const call = system
        .publishOne(tenant, eventData(sent))
        .then(
          () => durations.push(now() - callStart),
          () => (failures += 1),
        )
        .finally(() => inFlight.delete(call));
      inFlight.add(call);
      sent += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
  return { sent, skipped, failures, seconds: (now() - started) / 1000, durations };
}

module.exports = { publishAll, warmUp, publishSteady };
