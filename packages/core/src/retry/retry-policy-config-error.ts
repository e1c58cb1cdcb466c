import { HooklineError } from '../errors';

/** A retry policy's options are unusable; `pointer` names the offending option (e.g. `/jitter`). */
export class RetryPolicyConfigError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_RETRY_POLICY';
}
