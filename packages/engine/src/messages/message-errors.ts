import { HooklineError } from '@hookline/core';

export class MessageNotFoundError extends HooklineError {
  readonly code = 'HOOKLINE_MESSAGE_NOT_FOUND';
}
