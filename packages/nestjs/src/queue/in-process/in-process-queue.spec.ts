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
});
