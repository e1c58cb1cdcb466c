import { HooklineError } from '@hookline/core';

export class SubscriptionNotFoundError extends HooklineError {
  readonly code = 'HOOKLINE_SUBSCRIPTION_NOT_FOUND';
}

export class InvalidSubscriptionError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_SUBSCRIPTION';
}
