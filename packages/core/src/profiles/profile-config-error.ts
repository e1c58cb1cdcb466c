import { HooklineError } from '../errors';

export class ProfileConfigError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_PROFILE';
}
