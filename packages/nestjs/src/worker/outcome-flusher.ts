import type { AttemptRecord, ParkRecord } from '../storage/delivery-store';

export type FlushBatch = (records: AttemptRecord[], parked: ParkRecord[]) => Promise<void>;

/**
 * Writes outcomes in small groups as attempts finish, instead of once per job. A worker killed
 * mid-job then repeats only the few attempts it had not written yet (the receiver sees them
 * twice, with the same id), rather than the whole job's.
 */
export class OutcomeFlusher {
  private records: AttemptRecord[] = [];
  private parked: ParkRecord[] = [];
  private timer?: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();
  private failure?: unknown;

  constructor(
    private readonly write: FlushBatch,
    private readonly maxBatch = 20,
    private readonly maxDelayMs = 5,
  ) {}

  add(record: AttemptRecord): void {
    this.records.push(record);
    this.schedule();
  }

  park(record: ParkRecord): void {
    this.parked.push(record);
    this.schedule();
  }

  /** Writes whatever is left and rethrows the first write failure. */
  async close(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.failure) throw this.failure;
  }

  private schedule(): void {
    if (this.records.length + this.parked.length >= this.maxBatch) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.records.length === 0 && this.parked.length === 0) return;
    const records = this.records;
    const parked = this.parked;
    this.records = [];
    this.parked = [];
    // One write at a time, in order; a failed write leaves its claims to expire and be swept.
    this.chain = this.chain.then(() => this.write(records, parked)).catch((error) => void (this.failure ??= error));
  }
}
