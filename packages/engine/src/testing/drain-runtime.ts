import { InProcessQueue } from '../queue/in-process/in-process-queue';
import type { HooklineRuntime } from '../runtime/hookline-runtime';
import { TestKitError } from './test-kit-error';

/** Rounds of sweep-and-settle before drain() gives up: each round is one generation of due work. */
const MAX_ROUNDS = 1_000;
/** Attempts that went on without their job (a responder that awaits something) are waited for this long. */
const DETACHED_GRACE_MS = 30_000;

/**
 * Runs every delivery due now by the runtime's clock through production's own path — the
 * sweeper puts due, unclaimed deliveries on the in-process queue, the worker claims, attempts
 * and writes their outcomes — until a sweep finds nothing and the queue and the worker are idle.
 * The sweeper with no staleness is what makes this independent of the queue's real-time timers:
 * a retry due by the test clock is found in the database, where its next attempt time is. When
 * its delayed job's timer fires anyway, the claim takes the delivery only if the test clock says
 * it is due, as drain() would have, and drain() waits for that job like any other.
 */
export async function drainRuntime(runtime: HooklineRuntime): Promise<void> {
  const queue = runtime.queue;
  if (!(queue instanceof InProcessQueue)) {
    throw new TestKitError(`drain() needs the in-process queue; this runtime uses ${queue.driver}. Build it with the test kit's options().`);
  }
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    await settle(runtime, queue);
    if ((await runtime.sweeper.sweep(0)) === 0) {
      await settle(runtime, queue);
      return;
    }
  }
  throw new TestKitError(`drain() still found due deliveries after ${MAX_ROUNDS} rounds: something makes them due again at once (a retry schedule of 0 ms?).`);
}

/** Waits until no job runs or waits and no detached attempt is left, both at once. */
async function settle(runtime: HooklineRuntime, queue: InProcessQueue): Promise<void> {
  for (;;) {
    await queue.whenIdle();
    await runtime.processor.drain(DETACHED_GRACE_MS);
    // A detached attempt's retry may have put a job on the queue while we waited for it.
    const counts = await queue.counts();
    if (counts.waiting === 0 && counts.active === 0) return;
  }
}
