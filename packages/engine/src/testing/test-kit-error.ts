import { HooklineError } from '@hookline/core';

/** A test kit used the wrong way (a bad clock value, drain() before start()…). */
export class TestKitError extends HooklineError {
  readonly code = 'HOOKLINE_TEST_KIT_MISUSE';
}
