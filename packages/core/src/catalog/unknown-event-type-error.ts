import { HooklineError } from '../errors';

/** An event type or subscription filter names nothing in the event catalog. */
export class UnknownEventTypeError extends HooklineError {
  readonly code = 'HOOKLINE_UNKNOWN_EVENT_TYPE';

  constructor(
    message: string,
    /** The type or filter pattern that was not found. */
    readonly eventType: string,
    /** Registered names (or `prefix.*` filters) the caller probably meant. */
    readonly suggestions: readonly string[],
    options?: { pointer?: string },
  ) {
    super(message, options);
  }
}
