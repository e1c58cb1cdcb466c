import { HooklineError } from '../errors';

/** A receiver was configured wrongly (unknown sender or scheme, no secret): fix the options. */
export class ReceiverConfigError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_RECEIVER_OPTIONS';
}

/** An authentic request whose body is not a JSON event: answer 400. */
export class MalformedWebhookError extends HooklineError {
  readonly code = 'HOOKLINE_WEBHOOK_MALFORMED';
}
