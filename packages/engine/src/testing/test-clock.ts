import { ManualClock } from '@hookline/core';
import { TestKitError } from './test-kit-error';

/** Where a TestClock starts unless told: a fixed instant, so runs repeat exactly. */
export const TEST_CLOCK_START = Date.UTC(2026, 0, 1, 9, 0, 0);

/**
 * The clock a test moves by hand: Hookline reads it for every due time, lease, signature
 * timestamp and retry delay, so `advance(ms)` then `drain()` runs what became due.
 */
export class TestClock extends ManualClock {
  constructor(start: Date | number = TEST_CLOCK_START) {
    super(instant(start, 'start'));
  }

  /** Moves time forward; time never runs backwards under a running pipeline. */
  override advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new TestKitError(`clock.advance(ms) takes a finite number of milliseconds ≥ 0, got ${String(ms)}; use set() to jump to an instant.`);
    super.advance(ms);
  }

  override set(at: Date | number): void {
    super.set(instant(at, 'set'));
  }
}

function instant(at: Date | number, method: string): number {
  const ms = typeof at === 'number' ? at : at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new TestKitError(`clock.${method}() takes a Date or epoch milliseconds, got ${String(at)}.`);
  return ms;
}
