import { HooklineError } from '@hookline/core';

export class DeliveryNotFoundError extends HooklineError {
  readonly code = 'HOOKLINE_DELIVERY_NOT_FOUND';
}

export class DeliveryNotResendableError extends HooklineError {
  readonly code = 'HOOKLINE_DELIVERY_NOT_RESENDABLE';
}
