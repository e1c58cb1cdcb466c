import { HooklineError } from '@hookline/core';

export class SubscriptionNotFoundError extends HooklineError {
  readonly code = 'HOOKLINE_SUBSCRIPTION_NOT_FOUND';
}

export class InvalidSubscriptionError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_SUBSCRIPTION';
}

/** A subscription's `headers` refused: a bad name or value, a header the connection or Hookline itself sets, or too many. */
export class InvalidSubscriptionHeaderError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_SUBSCRIPTION_HEADER';
}
