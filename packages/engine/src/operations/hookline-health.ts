import { runHealthChecks, type HealthReport, type HealthVerdict } from './health-report';
import type { Clock } from '@hookline/core';
import type { DeliveryQueue } from '../queue/delivery-queue';
import type { SqlRunner } from '../storage/sql-runner';

/** What the checks look at; the runtime hands over its own parts. */
export interface HealthSources {
  sql: SqlRunner;
  queue: DeliveryQueue;
  sweeper: { readonly lastSweepAt?: Date };
  sweeperOptions: { enabled: boolean; intervalMs: number };
  clock: Clock;
}

/**
 * What "healthy" means for Hookline, framework-free: the database answers, the queue answers,
 * and — in a process that sweeps — the sweeper ran recently. A worker that silently stopped
 * shows up as a stale sweep.
 */
export class HooklineHealth {
  constructor(private readonly sources: HealthSources) {}

  async database(): Promise<HealthVerdict> {
    const started = Date.now();
    await this.sources.sql.rows('SELECT 1 AS ok');
    return { up: true, detail: { latency_ms: Date.now() - started } };
  }

  async queue(): Promise<HealthVerdict> {
    const counts = await this.sources.queue.counts();
    return { up: true, detail: { driver: this.sources.queue.driver, ...counts } };
  }

  sweeper(): HealthVerdict {
    const { enabled, intervalMs } = this.sources.sweeperOptions;
    if (!enabled) return { up: true, detail: { enabled: false } };
    const last = this.sources.sweeper.lastSweepAt;
    const ageMs = last ? this.sources.clock.now().getTime() - last.getTime() : undefined;
    // Three missed intervals, or no sweep at all a few intervals after start, means it stalled.
    const up = ageMs !== undefined ? ageMs <= 3 * intervalMs + 1_000 : true;
    return { up, detail: { enabled: true, last_sweep_at: last?.toISOString() ?? null, age_ms: ageMs ?? null } };
  }

  /** Every check at once, each bounded in time; `withDetail` false answers only up or down. */
  report(withDetail: boolean): Promise<HealthReport> {
    return runHealthChecks({ database: () => this.database(), queue: () => this.queue(), sweeper: async () => this.sweeper() }, withDetail);
  }
}
