import { HooklineError } from '@hookline/core';

export class PayloadTooLargeError extends HooklineError {
  readonly code = 'HOOKLINE_PAYLOAD_TOO_LARGE';
}

export class InvalidPublishOptionsError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_PUBLISH_OPTIONS';
}

/**
 * The database failed (or went away) while a publish was being stored, so the publish is not
 * acknowledged: nothing was enqueued, and the caller must not count it as published.
 */
export class PublishNotStoredError extends HooklineError {
  readonly code = 'HOOKLINE_PUBLISH_NOT_STORED';

  constructor(messageCount: number, cause: unknown) {
    const what = messageCount === 1 ? 'the message' : `${messageCount} messages`;
    super(
      `Publishing failed: the database did not confirm storing ${what} (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Treat it as not published and retry when the database is reachable; with the same idempotencyKey, a message stored after all is returned instead of published twice.',
      { cause },
    );
  }
}
