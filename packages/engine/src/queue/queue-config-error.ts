import { HooklineError } from '@hookline/core';

/** A queue option is unusable (a concurrency below 1, a malformed Redis URL…). */
export class QueueConfigError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_QUEUE_CONFIG';
}
