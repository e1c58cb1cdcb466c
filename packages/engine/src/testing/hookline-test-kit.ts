import type { HooklineOptions } from '../options/hookline-options';
import type { HooklineRuntime } from '../runtime/hookline-runtime';
import { drainRuntime } from './drain-runtime';
import { RecordingTransport } from './recording-transport';
import { TestClock } from './test-clock';
import { TestKitError } from './test-kit-error';

/**
 * The key the kit encrypts secrets with when the host's options name none: tests store only test
 * secrets, and a fixed key keeps them quiet (no development-key warning) whatever NODE_ENV says.
 */
const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 'hookline-test-kit').toString('base64');

export interface TestKitOptions {
  /** Where the clock starts (default 2026-01-01T09:00:00Z). */
  clockStart?: Date | number;
}

/**
 * A test clock and a recording transport, the options that put them into a Hookline, and
 * drain() once that Hookline's runtime is attached. The engine's createTestHookline and the
 * Nest HooklineTestingModule both build on it.
 */
export class HooklineTestKit {
  readonly clock: TestClock;
  readonly recorder: RecordingTransport;
  private runtime?: HooklineRuntime;

  constructor(options: TestKitOptions = {}) {
    this.clock = new TestClock(options.clockStart);
    this.recorder = new RecordingTransport(this.clock);
  }

  /**
   * The host's options with the kit's clock and recorder, the in-process queue (tests need no
   * Redis), the worker on, and a test encryption key unless the host gives one. The periodic sweeper is off: drain() sweeps, on the test clock,
   * so nothing runs between a test's steps on a real-time interval.
   */
  options<T extends HooklineOptions>(base: T): T {
    return {
      ...base,
      encryptionKey: base.encryptionKey ?? TEST_ENCRYPTION_KEY,
      clock: this.clock,
      queue: { driver: 'in-process' },
      delivery: { ...base.delivery, transport: this.recorder },
      worker: { ...base.worker, enabled: true },
      sweeper: { ...base.sweeper, enabled: false },
    };
  }

  /** Binds drain() to the runtime built from options(). */
  attach(runtime: HooklineRuntime): this {
    if (runtime.options.clock !== this.clock) throw new TestKitError("This runtime was not built from this kit's options(): its clock is not the kit's.");
    this.runtime = runtime;
    return this;
  }

  /**
   * Runs every delivery due now by the kit's clock (first attempts, and retries that
   * `clock.advance()` made due) through the real claim → attempt → outcome path, and resolves
   * when none is left pending or in flight. Call it after start().
   */
  drain(): Promise<void> {
    if (!this.runtime) throw new TestKitError('drain() before the kit knows its Hookline: use createTestHookline(), or attach(runtime) first.');
    return drainRuntime(this.runtime);
  }
}
