import { HooklineError } from '@hookline/core';

export class PayloadTooLargeError extends HooklineError {
  readonly code = 'HOOKLINE_PAYLOAD_TOO_LARGE';
}

export class InvalidPublishOptionsError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_PUBLISH_OPTIONS';
}
