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

  it('logs a refused enqueue and resolves: the rows are committed and the sweeper will find them', async () => {
    const { queue, release } = recordingQueue(true);
    const enqueuer = new DeliveryEnqueuer(queue, 50, logger);
    const done = enqueuer.enqueueNew(['d1']);
    await tick();
    release();
    await expect(done).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('sweeper will re-enqueue'));
  });
});
