import type { SqlRunner } from '../storage/sql-runner';

/** How often the limits that changed are written to their subscriptions' rows. */
const REPORT_EVERY_MS = 5_000;
/** Subscriptions per statement. */
const PER_STATEMENT = 200;

/**
 * Writes each subscription's adaptive limit, as this process has it, to its row (`concurrency_limit`)
 * every few seconds when it changed, so the stats (API, dashboard) and the metric show it from any
 * process. A limit that holds still costs no writes.
 */
export class LimitReporter {
  private readonly reported = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sql: SqlRunner,
    private readonly limits: () => Map<string, number>,
    private readonly logger: { warn(message: string): void },
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.report(), REPORT_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.report();
  }

  /** Writes the limits that changed since the last report. */
  async report(): Promise<void> {
    const changed = [...this.limits()].filter(([id, limit]) => this.reported.get(id) !== limit);
    for (let start = 0; start < changed.length; start += PER_STATEMENT) {
      const batch = changed.slice(start, start + PER_STATEMENT);
      const params: Record<string, unknown> = { ids: batch.map(([id]) => id) };
      const cases = batch.map(([id, limit], i) => {
        params[`s${i}`] = id;
        params[`l${i}`] = limit;
        return `WHEN :s${i} THEN ${this.sql.dialect.integer(`:l${i}`)}`;
      });
      try {
        await this.sql.execute(`UPDATE ${this.sql.tables.subscription} SET concurrency_limit = CASE id ${cases.join(' ')} END WHERE id IN (:...ids)`, params);
        for (const [id, limit] of batch) this.reported.set(id, limit);
      } catch (error) {
        this.logger.warn(`Could not report endpoint concurrency limits (${(error as Error).message}); the next report will try again.`);
      }
    }
    // Forget subscriptions whose lanes this process dropped, so the map stays bounded too.
    if (this.reported.size > 2 * PER_STATEMENT) {
      const live = this.limits();
      for (const id of this.reported.keys()) if (!live.has(id)) this.reported.delete(id);
    }
  }
}
