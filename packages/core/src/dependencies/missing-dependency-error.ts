import { HooklineError } from '../errors/hookline-error';

/** An option needs a package the host has not installed; the message carries the install line. */
export class MissingDependencyError extends HooklineError {
  readonly code = 'HOOKLINE_MISSING_DEPENDENCY';

  constructor(
    message: string,
    /** The packages that could not be loaded, as they are named on npm. */
    readonly packages: readonly string[],
    options?: { pointer?: string; cause?: unknown },
  ) {
    super(message, options);
  }
}
