import type { DeliveryJob, DeliveryQueue } from '../queue/delivery-queue';
import { DeliveryEnqueuer } from './delivery-enqueuer';

function recordingQueue(fail = false) {
  const calls: DeliveryJob[][] = [];
  let release: () => void = () => undefined;
  const queue = {
    driver: 'in-process',
    enqueue: (jobs: DeliveryJob[]) => {
      calls.push(jobs);
      return new Promise<void>((resolve, reject) => (release = () => (fail ? reject(new Error('redis down')) : resolve())));
    },
  } as unknown as DeliveryQueue;
  return { queue, calls, release: () => release() };
}

const logger = { warn: jest.fn() };
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('DeliveryEnqueuer', () => {
  it('sends new deliveries published while an enqueue is in flight together, in jobs of batchSize', async () => {
    const { queue, calls, release } = recordingQueue();
    const enqueuer = new DeliveryEnqueuer(queue, 3, logger);
    const first = enqueuer.enqueueNew(['d1']);
    const later = [enqueuer.enqueueNew(['d2', 'd3']), enqueuer.enqueueNew(['d4', 'd5'])];
    expect(calls.map((jobs) => jobs.map((j) => j.deliveryIds))).toEqual([[['d1']]]);
    release();
    await first;
    expect(calls[1].map((j) => j.deliveryIds)).toEqual([['d2', 'd3', 'd4'], ['d5']]);
    expect(calls[1].map((j) => j.key)).toEqual(['d2:0', 'd5:0']);
    release();
    await Promise.all(later);
  });

  it('names the subscriptions of each job cut from known groups, and none in a job that also holds unknown ones', async () => {
    const { queue, calls, release } = recordingQueue();
    const enqueuer = new DeliveryEnqueuer(queue, 3, logger);
    const done = enqueuer.enqueueNewBySubscription([
      { subscriptionId: 'sub_a', deliveryIds: ['a1', 'a2', 'a3', 'a4'] },
      { subscriptionId: 'sub_b', deliveryIds: ['b1'] },
    ]);
    release();
    await done;
    expect(calls[0]).toEqual([
      { deliveryIds: ['a1', 'a2', 'a3'], key: 'a1:0', subscriptionIds: ['sub_a'] },
      { deliveryIds: ['a4', 'b1'], key: 'a4:0', subscriptionIds: ['sub_a', 'sub_b'] },
    ]);
    const held = enqueuer.enqueueNewBySubscription([{ subscriptionId: 'sub_c', deliveryIds: ['c1'] }]);
    const later = [held, enqueuer.enqueueNew(['x1', 'x2', 'x3']), enqueuer.enqueueNewBySubscription([{ subscriptionId: 'sub_d', deliveryIds: ['d1'] }])];
    release();
    await held;
    expect(calls[1]).toEqual([{ deliveryIds: ['c1'], key: 'c1:0', subscriptionIds: ['sub_c'] }]);
    release();
    await Promise.all(later);
    // Ids the caller knew nothing about make their jobs unnamed: a worker then checks every subscription.
    expect(calls[2]).toEqual([
      { deliveryIds: ['x1', 'x2', 'x3'], key: 'x1:0' },
      { deliveryIds: ['d1'], key: 'd1:0', subscriptionIds: ['sub_d'] },
    ]);
  });

  it('puts a later group\'s subscriptions on each of its jobs, and none on a group that did not name them', async () => {
    const { queue, calls, release } = recordingQueue();
    const enqueuer = new DeliveryEnqueuer(queue, 2, logger);
    const done = enqueuer.enqueueLater(
      [
        { deliveryIds: ['r1', 'r2', 'r3'], delayMs: 500, subscriptionIds: ['sub_a'] },
        { deliveryIds: ['r4'], delayMs: 900 },
      ],
      'retry1',
    );
    release();
    await done;
    expect(calls[0]).toEqual([
      { deliveryIds: ['r1', 'r2'], key: 'r1:retry1', delayMs: 500, subscriptionIds: ['sub_a'] },
      { deliveryIds: ['r3'], key: 'r3:retry1', delayMs: 500, subscriptionIds: ['sub_a'] },
      { deliveryIds: ['r4'], key: 'r4:retry1', delayMs: 900 },
    ]);
  });

  it('logs a refused enqueue and resolves: the rows are committed and the sweeper will find them', async () => {
    const { queue, release } = recordingQueue(true);
    const enqueuer = new DeliveryEnqueuer(queue, 50, logger);
    const done = enqueuer.enqueueNew(['d1']);
    await tick();
    release();
    await expect(done).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('sweeper will re-enqueue'));
  });

  it('lets new deliveries wait (at most windowMs) for publishes still writing, then sends them together', async () => {
    const { queue, calls, release } = recordingQueue();
    const enqueuer = new DeliveryEnqueuer(queue, 50, logger, 1_000);
    const doneA = enqueuer.announce();
    const doneB = enqueuer.announce();
    const a = enqueuer.enqueueNew(['d1'], doneA);
    expect(calls).toHaveLength(0); // B is still writing: d1 waits for it
    const b = enqueuer.enqueueNew(['d2'], doneB); // the last writer joined: the job leaves now, long before the window ends
    expect(calls.map((jobs) => jobs.map((j) => j.deliveryIds))).toEqual([[['d1', 'd2']]]);
    release();
    await Promise.all([a, b]);
  });

  it('never holds a publish that has no other publish beside it, nor past windowMs', async () => {
    const { queue, calls, release } = recordingQueue();
    const enqueuer = new DeliveryEnqueuer(queue, 50, logger, 30);
    const alone = enqueuer.announce();
    const first = enqueuer.enqueueNew(['d1'], alone);
    expect(calls).toHaveLength(1);
    release();
    await first;
    const done = enqueuer.announce();
    const stuck = enqueuer.announce(); // a writer that never finishes (its write will fail late)
    const second = enqueuer.enqueueNew(['d2'], done);
    expect(calls).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls[1].map((j) => j.deliveryIds)).toEqual([['d2']]);
    release();
    await second;
    stuck();
  });
});
