import type { HooklineOptions } from '../options/hookline-options';
import { createHooklineRuntime, hooklineOf, type Hookline, type HooklineHost } from '../runtime/create-hookline';
import { HooklineTestKit, type TestKitOptions } from './hookline-test-kit';
import type { RecordingTransport } from './recording-transport';
import type { TestClock } from './test-clock';

/** A Hookline for tests: the usual services, plus the recorder, the clock and drain(). */
export interface TestHookline extends Hookline {
  readonly recorder: RecordingTransport;
  readonly clock: TestClock;
  /** Runs everything due now by `clock` and resolves when nothing due is pending or in flight. */
  drain(): Promise<void>;
}

/** createHookline with the test kit wired in: nothing leaves the process, time moves when the test says. */
export function createTestHookline(options: HooklineOptions, host: HooklineHost, kitOptions: TestKitOptions = {}): TestHookline {
  const kit = new HooklineTestKit(kitOptions);
  const runtime = createHooklineRuntime(kit.options(options), host);
  kit.attach(runtime);
  return { ...hooklineOf(runtime), recorder: kit.recorder, clock: kit.clock, drain: () => kit.drain() };
}
