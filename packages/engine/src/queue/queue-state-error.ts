import { HooklineError } from '@hookline/core';

/** A queue was used in a state that does not allow it (closed, or its worker already running). */
export class QueueStateError extends HooklineError {
  readonly code = 'HOOKLINE_QUEUE_STATE';
}
