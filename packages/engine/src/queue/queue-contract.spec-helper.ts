// Imported explicitly (not jest's globals) so this file also type-checks in the package build.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { DeliveryJob, DeliveryQueue } from './delivery-queue';
import type { QueueLogger } from './queue-logger';
import { QueueStateError } from './queue-state-error';

/** A logger that keeps what it was told, so specs stay quiet and can assert on it. */
export class RecordingLogger implements QueueLogger {
  readonly errors: unknown[][] = [];
  readonly warnings: unknown[][] = [];
  error(message: string, ...details: unknown[]): void {
    this.errors.push([message, ...details]);
  }
  warn(message: string, ...details: unknown[]): void {
    this.warnings.push([message, ...details]);
  }
}

/** A promise the test resolves by hand: holds handlers "running" for as long as a test needs. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `condition` holds; fails with `what` instead of hanging the suite. */
export async function eventually(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await sleep(10);
  }
}

const job = (key: string, deliveryIds = [key], delayMs?: number): DeliveryJob => ({ key, deliveryIds, delayMs });

async function isIdle(queue: DeliveryQueue): Promise<boolean> {
  const counts = await queue.counts();
  return counts.waiting === 0 && counts.delayed === 0 && counts.active === 0;
}

/** Makes a fresh queue for one test; the suite stops and closes it afterwards. */
export type QueueFactory = (logger: QueueLogger) => DeliveryQueue;

/**
 * The behaviour every {@link DeliveryQueue} driver promises, written once and run against each.
 * "Nothing more happens" checks wait a short while; they never assert how fast anything is.
 */
export function describeDeliveryQueueContract(driver: string, createQueue: QueueFactory): void {
  describe(`${driver} queue (DeliveryQueue contract)`, () => {
    let logger: RecordingLogger;
    let queue: DeliveryQueue;

    beforeEach(() => {
      logger = new RecordingLogger();
      queue = createQueue(logger);
    });

    afterEach(async () => {
      await queue.stopWorker(1_000);
      await queue.close();
    });

    it('runs every enqueued delivery id exactly once when nothing fails', async () => {
      const seen: string[] = [];
      await queue.startWorker(async (ids) => void seen.push(...ids), { concurrency: 4 });

      await queue.enqueue([job('dlv_a'), job('batch_1', ['dlv_b', 'dlv_c', 'dlv_d'])]);
      await queue.enqueue(Array.from({ length: 20 }, (_, i) => job(`dlv_${i}`)));

      await eventually('all 23 ids ran', () => seen.length >= 23);
      await eventually('the queue is idle', () => isIdle(queue));
      await sleep(100);
      expect([...seen].sort()).toEqual(
        ['dlv_a', 'dlv_b', 'dlv_c', 'dlv_d', ...Array.from({ length: 20 }, (_, i) => `dlv_${i}`)].sort(),
      );
    });

    it('hands the handler the subscriptions a job names, and none for a job that names none', async () => {
      const runs = new Map<string, string[] | undefined>();
      await queue.startWorker(async (ids, subscriptionIds) => void runs.set(ids.join(','), subscriptionIds), { concurrency: 1 });
      await queue.enqueue([
        { key: 'named', deliveryIds: ['dlv_n1', 'dlv_n2'], subscriptionIds: ['sub_1', 'sub_2'] },
        { key: 'unnamed', deliveryIds: ['dlv_u1'] },
      ]);
      await eventually('both ran', () => runs.size === 2);
      expect(runs.get('dlv_n1,dlv_n2')).toEqual(['sub_1', 'sub_2']);
      expect(runs.has('dlv_u1')).toBe(true);
      expect(runs.get('dlv_u1')).toBeUndefined();
    });

    it('keeps jobs enqueued before the worker starts until it does', async () => {
      const seen: string[] = [];
      await queue.enqueue([job('dlv_early_1'), job('dlv_early_2')]);
      await sleep(50);
      expect(await queue.counts()).toEqual({ waiting: 2, delayed: 0, active: 0 });

      await queue.startWorker(async (ids) => void seen.push(...ids), { concurrency: 1 });
      await eventually('both ran', () => seen.length === 2);
      expect(seen).toEqual(['dlv_early_1', 'dlv_early_2']);
    });

    it('does not start a delayed job before its delay has passed', async () => {
      const delayMs = 400;
      const started: Record<string, number> = {};
      await queue.startWorker(async ([id]) => void (started[id] = Date.now()), { concurrency: 2 });

      const enqueuedAt = Date.now();
      await queue.enqueue([job('dlv_later', ['dlv_later'], delayMs), job('dlv_now')]);

      await eventually('both ran', () => started.dlv_now !== undefined && started.dlv_later !== undefined);
      expect(started.dlv_now).toBeLessThanOrEqual(started.dlv_later);
      // Timers may fire a millisecond early; the point is "not before its delay", not precision.
      expect(started.dlv_later - enqueuedAt).toBeGreaterThanOrEqual(delayMs - 20);
    });

    it('runs at most `concurrency` handlers at once, and that many for a burst', async () => {
      const concurrency = 3;
      const release = gate();
      let running = 0;
      let maxRunning = 0;
      let finished = 0;
      await queue.startWorker(
        async () => {
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          await release.opened;
          running -= 1;
          finished += 1;
        },
        { concurrency },
      );

      await queue.enqueue(Array.from({ length: 9 }, (_, i) => job(`dlv_burst_${i}`)));
      await eventually(`${concurrency} handlers run`, () => running === concurrency);
      await sleep(200); // room for a fourth to start, were the limit broken
      expect(running).toBe(concurrency);
      expect((await queue.counts()).waiting).toBe(9 - concurrency);

      release.open();
      await eventually('the burst finished', () => finished === 9);
      expect(maxRunning).toBe(concurrency);
    });

    it('ignores a job whose key is already waiting or delayed', async () => {
      await queue.enqueue([job('dlv_same', ['first']), job('dlv_same', ['second'])]);
      await queue.enqueue([job('dlv_same', ['third']), job('dlv_delayed', ['fourth'], 60_000)]);
      await queue.enqueue([job('dlv_delayed', ['fifth'], 60_000), job('dlv_delayed', ['sixth'])]);
      expect(await queue.counts()).toEqual({ waiting: 1, delayed: 1, active: 0 });

      const seen: string[][] = [];
      await queue.startWorker(async (ids) => void seen.push(ids), { concurrency: 1 });
      await eventually('the waiting job ran', () => seen.length === 1);
      await sleep(100);
      expect(seen).toEqual([['first']]);
      expect(await queue.counts()).toEqual({ waiting: 0, delayed: 1, active: 0 });
    });

    it('ignores a job whose key is running', async () => {
      const release = gate();
      const seen: string[][] = [];
      await queue.startWorker(
        async (ids) => {
          seen.push(ids);
          await release.opened;
        },
        { concurrency: 2 },
      );

      await queue.enqueue([job('dlv_busy', ['first'])]);
      await eventually('it runs', () => seen.length === 1);
      await queue.enqueue([job('dlv_busy', ['second'])]);
      release.open();

      await eventually('the queue is idle', () => isIdle(queue));
      await sleep(100);
      expect(seen).toEqual([['first']]);
    });

    it('accepts a key again once its job has completed', async () => {
      const seen: string[][] = [];
      await queue.startWorker(async (ids) => void seen.push(ids), { concurrency: 1 });

      await queue.enqueue([job('dlv_again', ['first'])]);
      await eventually('the first job finished', async () => seen.length === 1 && (await isIdle(queue)));
      await queue.enqueue([job('dlv_again', ['second'])]);

      await eventually('the second job ran', () => seen.length === 2);
      expect(seen).toEqual([['first'], ['second']]);
    });

    it('logs a handler that throws, and accepts its key again once the job gave up', async () => {
      let failing = true;
      const seen: string[][] = [];
      await queue.startWorker(
        async (ids) => {
          seen.push(ids);
          if (failing) throw new Error('database unavailable');
        },
        { concurrency: 1 },
      );

      await queue.enqueue([job('dlv_flaky', ['first'])]);
      await eventually('the job gave up', async () => seen.length > 0 && (await isIdle(queue)), 20_000);
      expect(logger.errors.flat()).toContainEqual(expect.objectContaining({ message: 'database unavailable' }));

      failing = false;
      const triesBefore = seen.length;
      await queue.enqueue([job('dlv_flaky', ['second'])]);
      await eventually('the re-added job ran', () => seen.length === triesBefore + 1);
      expect(seen.at(-1)).toEqual(['second']);
    });

    it('stopWorker waits for a running handler, then takes no new jobs', async () => {
      const release = gate();
      const events: string[] = [];
      await queue.startWorker(
        async ([id]) => {
          events.push(`start ${id}`);
          await release.opened;
          events.push(`end ${id}`);
        },
        { concurrency: 1 },
      );
      await queue.enqueue([job('dlv_slow')]);
      await eventually('the handler runs', () => events.length === 1);

      const stopped = queue.stopWorker(10_000).then(() => events.push('stopped'));
      await sleep(100);
      expect(events).toEqual(['start dlv_slow']);
      release.open();
      await stopped;
      expect(events).toEqual(['start dlv_slow', 'end dlv_slow', 'stopped']);

      await queue.enqueue([job('dlv_after_stop')]);
      await sleep(200);
      expect(events).not.toContain('start dlv_after_stop');
      expect((await queue.counts()).waiting).toBe(1);
    });

    it('stopWorker gives up waiting after graceMs', async () => {
      const release = gate();
      let running = false;
      await queue.startWorker(
        async () => {
          running = true;
          await release.opened;
          running = false;
        },
        { concurrency: 1 },
      );
      await queue.enqueue([job('dlv_stuck')]);
      await eventually('the handler runs', () => running);

      await queue.stopWorker(100);
      expect(running).toBe(true);
      release.open();
      await eventually('the handler returned', () => !running);
    });

    it('close releases its timers and connections and refuses further jobs', async () => {
      await queue.startWorker(async () => undefined, { concurrency: 1 });
      await queue.enqueue([job('dlv_pending', ['dlv_pending'], 60_000)]);

      await queue.close();
      await expect(queue.enqueue([job('dlv_too_late')])).rejects.toBeInstanceOf(QueueStateError);
      await queue.close(); // idempotent, as afterEach closes again
      // Open timers or sockets would fail the run under `jest --detectOpenHandles`.
    });
  });
}
