'use strict';
// The frame every scenario shares: a fresh system, its figures labelled, and everything torn down.

/**
 * Runs `measure(system)` on a fresh system of the scenario's kind (created with `options`), adds
 * the system's warnings and label to the figures it returns, and always stops the system and
 * drops the receiver's `buckets`, whatever happened.
 */
async function withSystem(ctx, { options, buckets = [] }, measure) {
  const system = await ctx.createSystem(options);
  try {
    return { ...(await measure(system)), logs: system.logs, label: system.label };
  } finally {
    await system.stop();
    for (const bucket of buckets) await ctx.receiver.drop(bucket);
  }
}

/** The receiver's verdicts on the signatures it sampled in a bucket. */
function signatureFigures(stats) {
  return { signatures_verified: stats.verified, signature_failures: stats.verifyFailures };
}

module.exports = { withSystem, signatureFigures };
