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
    // A stall that just ended is not ticked yet when the first thing to run after it asks.
    this.observe();
    let held = 0;
    for (const { from, to } of this.stalls) held += Math.max(0, Math.min(to, toMs) - Math.max(from, fromMs));
    return held;
  }

  private observe(): void {
    if (!this.timer) return;
    const at = performance.now();
    const late = at - this.lastSeen - TICK_MS;
    this.lastSeen = at;
    if (late < STALL_MS) return;
    const now = this.clock.now().getTime();
    this.stalls.push({ from: now - late, to: now });
    if (this.stalls.length > KEPT_STALLS) this.stalls.shift();
  }
}
