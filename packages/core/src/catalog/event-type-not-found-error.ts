import { HooklineError } from '../errors';

/** A lookup by name (such as `GET /v1/event-types/:name`) found no registered event type. */
export class EventTypeNotFoundError extends HooklineError {
  readonly code = 'HOOKLINE_EVENT_TYPE_NOT_FOUND';

  constructor(
    message: string,
    readonly eventType: string,
    /** Registered names the caller probably meant. */
    readonly suggestions: readonly string[],
    options?: { pointer?: string },
  ) {
    super(message, options);
  }
}
