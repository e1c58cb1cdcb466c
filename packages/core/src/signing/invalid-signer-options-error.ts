import { HooklineError } from '../errors';

/** Signer options that cannot work; `pointer` names the offending option (e.g. `/prefix`). */
export class InvalidSignerOptionsError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_SIGNER_OPTIONS';
}
