import type { AttemptRecord, DeferRecord, OutcomeBatch, ParkRecord } from '../storage/delivery-store';

/** Writes a batch; returns the ids whose delivery state was written (the claim was still held). */
export type WriteOutcomes = (batch: OutcomeBatch) => Promise<Set<string>>;

export interface OutcomeFlusherOptions {
  /** Outcomes per transaction at most. */
  maxBatch?: number;
  /** Transactions in flight at once. */
  maxConcurrentWrites?: number;
  /** How long a free writer waits for company before writing a lone outcome (0: at once). */
  lingerMs?: number;
}

interface Pending {
  kind: keyof OutcomeBatch;
  record: AttemptRecord | ParkRecord | DeferRecord;
  settle(written: boolean): void;
  fail(error: unknown): void;
}

/**
 * Group commit for outcomes of every job in the process: an outcome is written as soon as a
 * writer is free, and outcomes that arrive while writes are in flight go together in the next
 * one. Idle, nothing waits on a timer; busy, transactions grow instead of multiplying. Each add
 * resolves once its row is written, so a job ends only when its outcomes are in the database, and
 * a worker killed mid-job repeats only the attempts not yet written.
 */
export class OutcomeFlusher {
  private pending: Pending[] = [];
  private writing = 0;
  private lingering?: NodeJS.Timeout;
  private readonly maxBatch: number;
  private readonly maxConcurrentWrites: number;
  private readonly lingerMs: number;

  constructor(
    private readonly write: WriteOutcomes,
    options: OutcomeFlusherOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 200;
    this.maxConcurrentWrites = options.maxConcurrentWrites ?? 2;
    this.lingerMs = options.lingerMs ?? 0;
  }

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
      if (this.lingerMs === 0 || this.pending.length >= this.maxBatch) this.pump();
      else this.lingering ??= setTimeout(() => this.pump(), this.lingerMs);
    });
  }

  private pump(): void {
    clearTimeout(this.lingering);
    this.lingering = undefined;
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
