import type { HooklineRuntime } from '../runtime/hookline-runtime';

export interface HealthVerdict {
  up: boolean;
  detail: Record<string, unknown>;
}

/**
 * What "healthy" means for Hookline, framework-free: the database answers, the queue answers,
 * and — in a process that sweeps — the sweeper ran recently. A worker that silently stopped
 * shows up as a stale sweep.
 */
export class HooklineHealth {
  constructor(private readonly runtime: HooklineRuntime) {}

  async database(): Promise<HealthVerdict> {
    const started = Date.now();
    await this.runtime.store.sql.rows('SELECT 1 AS ok');
    return { up: true, detail: { latency_ms: Date.now() - started } };
  }

  async queue(): Promise<HealthVerdict> {
    const counts = await this.runtime.queue.counts();
    return { up: true, detail: { driver: this.runtime.queue.driver, ...counts } };
  }

  sweeper(): HealthVerdict {
    const { enabled, intervalMs } = this.runtime.options.sweeper;
    if (!enabled) return { up: true, detail: { enabled: false } };
    const last = this.runtime.sweeper.lastSweepAt;
    const ageMs = last ? this.runtime.options.clock.now().getTime() - last.getTime() : undefined;
    // Three missed intervals, or no sweep at all a few intervals after start, means it stalled.
    const up = ageMs !== undefined ? ageMs <= 3 * intervalMs + 1_000 : true;
    return { up, detail: { enabled: true, last_sweep_at: last?.toISOString() ?? null, age_ms: ageMs ?? null } };
  }
}
