import { HooklineError } from '@hookline/core';

/** processOnce was given no usable sender name or event id. */
export class InvalidInboxKeyError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_INBOX_KEY';
}
