import type { AttemptRecord, DeferRecord, OutcomeBatch, ParkRecord } from '../storage/delivery-store';

/** Writes a batch; returns the ids whose delivery state was written (the claim was still held). */
export type WriteOutcomes = (batch: OutcomeBatch) => Promise<Set<string>>;

interface Pending {
  kind: keyof OutcomeBatch;
  record: AttemptRecord | ParkRecord | DeferRecord;
  settle(written: boolean): void;
  fail(error: unknown): void;
}

/**
 * Group commit for outcomes of every job in the process: an outcome is written at once when a
 * writer is free, and outcomes that arrive while writes are in flight go together in the next
 * one. Idle, nothing waits on a timer; busy, transactions grow instead of multiplying. Each add
 * resolves once its row is written, so a job ends only when its outcomes are in the database, and
 * a worker killed mid-job repeats only the attempts not yet written.
 */
export class OutcomeFlusher {
  private pending: Pending[] = [];
  private writing = 0;

  constructor(
    private readonly write: WriteOutcomes,
    private readonly maxBatch = 200,
    private readonly maxConcurrentWrites = 2,
  ) {}

  /** Resolves true when the delivery's next state was written, false when its claim had been lost. */
  attempted(record: AttemptRecord): Promise<boolean> {
    return this.add('attempts', record);
  }

  parked(record: ParkRecord): Promise<boolean> {
    return this.add('parked', record);
  }

  deferred(record: DeferRecord): Promise<boolean> {
    return this.add('deferred', record);
  }

  private add(kind: keyof OutcomeBatch, record: Pending['record']): Promise<boolean> {
    return new Promise((settle, fail) => {
      this.pending.push({ kind, record, settle, fail });
      this.pump();
    });
  }

  private pump(): void {
    while (this.writing < this.maxConcurrentWrites && this.pending.length > 0) {
      const items = this.pending.splice(0, this.maxBatch);
      const batch: OutcomeBatch = { attempts: [], parked: [], deferred: [] };
      for (const item of items) (batch[item.kind] as Pending['record'][]).push(item.record);
      this.writing += 1;
      this.write(batch)
        .then(
          (written) => items.forEach((item) => item.settle(written.has(item.record.deliveryId))),
          (error: unknown) => items.forEach((item) => item.fail(error)),
        )
        .finally(() => {
          this.writing -= 1;
          this.pump();
        });
    }
  }
}
