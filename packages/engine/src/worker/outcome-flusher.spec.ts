import type { AttemptRecord, OutcomeBatch } from '../storage/delivery-store';
import { OutcomeFlusher } from './outcome-flusher';

const attempt = (deliveryId: string): AttemptRecord => ({
  deliveryId,
  tenant: 't',
  lease: new Date(0),
  attemptId: `att_${deliveryId}`,
  startedAt: new Date(0),
  durationMs: 1,
  statusCode: 200,
  responseExcerpt: null,
  headers: null,
  outcome: 'success',
  error: null,
  next: { status: 'delivered', attemptCount: 1, nextAttemptAt: null, deliveredAt: new Date(0) },
});

/** A write the test finishes by hand, recording each batch it was given. */
function controlledWrite() {
  const batches: OutcomeBatch[] = [];
  const finishers: ((ids?: string[]) => void)[] = [];
  const write = (batch: OutcomeBatch) =>
    new Promise<Set<string>>((resolve) => {
      batches.push(batch);
      finishers.push((ids) => resolve(new Set(ids ?? batch.attempts.map((a) => a.deliveryId))));
    });
  return { batches, finishers, write };
}

describe('OutcomeFlusher', () => {
  it('writes a lone outcome at once and groups those that arrive while a write is in flight', async () => {
    const { batches, finishers, write } = controlledWrite();
    const flusher = new OutcomeFlusher(write, { maxConcurrentWrites: 1 });
    const first = flusher.attempted(attempt('a'));
    const rest = ['b', 'c', 'd'].map((id) => flusher.attempted(attempt(id)));
    expect(batches.map((b) => b.attempts.map((a) => a.deliveryId))).toEqual([['a']]);
    finishers[0]();
    expect(await first).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches.map((b) => b.attempts.map((a) => a.deliveryId))).toEqual([['a'], ['b', 'c', 'd']]);
    finishers[1]();
    expect(await Promise.all(rest)).toEqual([true, true, true]);
  });

  it('resolves false for a delivery whose claim was lost, and rejects all of a failed write', async () => {
    const flusher = new OutcomeFlusher(async (batch) => {
      if (batch.attempts.some((a) => a.deliveryId === 'c')) throw new Error('database went away');
      return new Set(['a']);
    });
    expect(await Promise.all([flusher.attempted(attempt('a')), flusher.attempted(attempt('b'))])).toEqual([true, false]);
    await expect(flusher.attempted(attempt('c'))).rejects.toThrow('database went away');
  });

  it('keeps kinds apart in one batch', async () => {
    const { batches, finishers, write } = controlledWrite();
    const flusher = new OutcomeFlusher(write, { lingerMs: 5 });
    const done = Promise.all([
      flusher.attempted(attempt('a')),
      flusher.parked({ deliveryId: 'b', lease: new Date(0), status: 'failed', error: 'gone' }),
      flusher.deferred({ deliveryId: 'c', lease: new Date(0), nextAttemptAt: new Date(1) }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches).toHaveLength(1);
    expect([batches[0].attempts.length, batches[0].parked.length, batches[0].deferred.length]).toEqual([1, 1, 1]);
    finishers[0](['a', 'b', 'c']);
    expect(await done).toEqual([true, true, true]);
  });
});
