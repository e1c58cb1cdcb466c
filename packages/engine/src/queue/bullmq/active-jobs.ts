/**
 * Jobs a worker started and BullMQ has not yet recorded an outcome for (the 'completed' or
 * 'failed' event fires after the result is written), so a stop can wait for exactly those.
 */
export class ActiveJobs {
  private readonly ids = new Set<string>();
  private waiters: Array<() => void> = [];

  add(jobId: string): void {
    this.ids.add(jobId);
  }

  settle(jobId: string): void {
    this.ids.delete(jobId);
    if (this.ids.size > 0) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  whenIdle(): Promise<void> {
    return this.ids.size === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
