import { HooklineError } from '../errors';

/**
 * A sign() or verify() call was given unusable input (no secret, a timestamp in milliseconds,
 * a parsed body). Distinct from WebhookVerificationError so a misconfigured receiver fails
 * loudly instead of answering every sender with 401.
 */
export class InvalidSigningInputError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_SIGNING_INPUT';
}
