import { performance } from 'node:perf_hooks';
import type { Clock } from '@hookline/core';

/** The spans in which this process's event loop was held, so that nothing else in it could run. */
export interface ProcessStalls {
  /** How many ms of [fromMs, toMs] (clock time) the event loop was held. */
  within(fromMs: number, toMs: number): number;
}

/** For tests on an injected clock, whose stalls they state themselves. */
export const NO_STALLS: ProcessStalls = { within: () => 0 };

const TICK_MS = 20;
/** A tick this much later than due says the loop was held; less is ordinary timer jitter. */
const STALL_MS = 50;
/** Stalls kept; older ones no attempt in flight can still overlap. */
const KEPT_STALLS = 64;

/**
 * Watches the event loop with a ticking timer: a tick that comes late by a stall's length means
 * the loop was held that long (a synchronous driver writing a large publish, a long GC). An
 * attempt in flight meanwhile could not be sent nor its answer read, so that time tells nothing
 * about its endpoint. Lateness is measured in real time and recorded on the injected clock.
 */
export class EventLoopStalls implements ProcessStalls {
  private readonly stalls: { from: number; to: number }[] = [];
  private lastSeen = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly clock: Clock) {}

  start(): void {
    if (this.timer) return;
    this.lastSeen = performance.now();
    this.timer = setInterval(() => this.observe(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  within(fromMs: number, toMs: number): number {
    let held = 0;
    for (const { from, to } of this.stalls) held += Math.max(0, Math.min(to, toMs) - Math.max(from, fromMs));
    // The code asking may run inside the stall (a chain of already-resolved promises around a
    // synchronous driver never lets a timer run), or just after it, before the tick: what the
    // tick is late by so far counts, but only the tick itself records it, as asking must not
    // restart the count.
    const ongoing = this.lateness();
    if (ongoing >= STALL_MS) {
      const now = this.clock.now().getTime();
      held += Math.max(0, Math.min(now, toMs) - Math.max(now - ongoing, fromMs));
    }
    return held;
  }

  private lateness(): number {
    return this.timer ? performance.now() - this.lastSeen - TICK_MS : 0;
  }

  private observe(): void {
    const late = this.lateness();
    this.lastSeen = performance.now();
    if (late < STALL_MS) return;
    const now = this.clock.now().getTime();
    this.stalls.push({ from: now - late, to: now });
    if (this.stalls.length > KEPT_STALLS) this.stalls.shift();
  }
}
