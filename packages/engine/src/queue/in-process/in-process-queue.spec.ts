import { QueueConfigError } from '../queue-config-error';
import { RecordingLogger, describeDeliveryQueueContract, eventually } from '../queue-contract.spec-helper';
import { QueueStateError } from '../queue-state-error';
import { InProcessQueue } from './in-process-queue';

describeDeliveryQueueContract('in-process', (logger) => new InProcessQueue({ logger }));

describe('InProcessQueue', () => {
  it('rejects a concurrency below 1 and a second worker', async () => {
    const queue = new InProcessQueue({ logger: new RecordingLogger() });
    await expect(queue.startWorker(async () => undefined, { concurrency: 0 })).rejects.toBeInstanceOf(QueueConfigError);
    await queue.startWorker(async () => undefined, { concurrency: 1 });
    await expect(queue.startWorker(async () => undefined, { concurrency: 1 })).rejects.toBeInstanceOf(QueueStateError);
    await queue.close();
  });

  it('keeps running jobs when a handler enqueues synchronously', async () => {
    const queue = new InProcessQueue({ logger: new RecordingLogger() });
    const seen: string[] = [];
    let running = 0;
    let maxRunning = 0;
    await queue.startWorker(
      async ([id]) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        seen.push(id);
        if (id === 'dlv_parent') void queue.enqueue([{ key: 'dlv_child', deliveryIds: ['dlv_child'] }]);
        await Promise.resolve();
        running -= 1;
      },
      { concurrency: 1 },
    );
    await queue.enqueue([{ key: 'dlv_parent', deliveryIds: ['dlv_parent'] }]);
    await eventually('the child ran', () => seen.length === 2);
    expect(maxRunning).toBe(1);
    await queue.close();
  });

  it('merges a backlog into the free handlers, up to mergeUpTo deliveries per run, and frees every key', async () => {
    const queue = new InProcessQueue({ logger: new RecordingLogger(), mergeUpTo: 4 });
    const runs: string[][] = [];
    await queue.enqueue(Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, deliveryIds: [`dlv_${i}`] })));
    await queue.startWorker(async (ids) => void runs.push(ids), { concurrency: 2 });
    await eventually('every delivery ran', () => runs.flat().length === 10);
    // 10 waiting for 2 handlers: the first runs take 4 (the cap), never one at a time.
    expect(runs[0]).toEqual(['dlv_0', 'dlv_1', 'dlv_2', 'dlv_3']);
    expect(runs.every((ids) => ids.length <= 4)).toBe(true);
    expect(runs.flat().sort()).toEqual(Array.from({ length: 10 }, (_, i) => `dlv_${i}`).sort());
    await eventually('idle', async () => (await queue.counts()).active === 0);
    await queue.enqueue([{ key: 'k3', deliveryIds: ['dlv_again'] }]);
    await eventually('a merged key is accepted again', () => runs.flat().includes('dlv_again'));
    await queue.close();
  });

  it('hands a merged run the union of its jobs\' subscriptions, or none if one job did not name its own', async () => {
    const queue = new InProcessQueue({ logger: new RecordingLogger(), mergeUpTo: 4 });
    const runs: { ids: string[]; subscriptionIds?: string[] }[] = [];
    await queue.enqueue([
      { key: 'a1', deliveryIds: ['dlv_a1'], subscriptionIds: ['sub_a'] },
      { key: 'b1', deliveryIds: ['dlv_b1'], subscriptionIds: ['sub_b'] },
      { key: 'a2', deliveryIds: ['dlv_a2'], subscriptionIds: ['sub_a'] },
      { key: 'x1', deliveryIds: ['dlv_x1'] },
      { key: 'c1', deliveryIds: ['dlv_c1'], subscriptionIds: ['sub_c'] },
    ]);
    await queue.startWorker(async (ids, subscriptionIds) => void runs.push({ ids, subscriptionIds }), { concurrency: 1 });
    await eventually('every delivery ran', () => runs.flatMap((run) => run.ids).length === 5);
    expect(runs).toEqual([
      { ids: ['dlv_a1', 'dlv_b1', 'dlv_a2', 'dlv_x1'], subscriptionIds: undefined },
      { ids: ['dlv_c1'], subscriptionIds: ['sub_c'] },
    ]);
    const merged = new InProcessQueue({ logger: new RecordingLogger(), mergeUpTo: 4 });
    const named: (string[] | undefined)[] = [];
    await merged.enqueue(runs[0].ids.slice(0, 3).map((id, i) => ({ key: id, deliveryIds: [id], subscriptionIds: [['sub_a', 'sub_b', 'sub_a'][i]] })));
    await merged.startWorker(async (_ids, subscriptionIds) => void named.push(subscriptionIds), { concurrency: 1 });
    await eventually('the merged run ran', () => named.length === 1);
    expect(named[0]).toEqual(['sub_a', 'sub_b']);
    await queue.close();
    await merged.close();
  });

  it('runs jobs one by one while handlers are free', async () => {
    const queue = new InProcessQueue({ logger: new RecordingLogger(), mergeUpTo: 100 });
    const runs: string[][] = [];
    await queue.startWorker(async (ids) => void runs.push(ids), { concurrency: 4 });
    await queue.enqueue([{ key: 'a', deliveryIds: ['dlv_a'] }, { key: 'b', deliveryIds: ['dlv_b'] }]);
    await eventually('both ran', () => runs.length === 2);
    expect(runs).toEqual([['dlv_a'], ['dlv_b']]);
    await queue.close();
  });
});
