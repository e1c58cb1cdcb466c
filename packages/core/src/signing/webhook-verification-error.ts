import { HooklineError } from '../errors';

export type WebhookVerificationErrorCode =
  | 'HOOKLINE_SIGNATURE_MISSING_HEADER'
  | 'HOOKLINE_SIGNATURE_MALFORMED_HEADER'
  | 'HOOKLINE_SIGNATURE_MISMATCH'
  | 'HOOKLINE_SIGNATURE_TIMESTAMP_TOO_OLD'
  | 'HOOKLINE_SIGNATURE_TIMESTAMP_IN_FUTURE';

/** An incoming webhook failed verification; answer 4xx and log the message, which says what to check. */
export class WebhookVerificationError extends HooklineError {
  constructor(
    readonly code: WebhookVerificationErrorCode,
    message: string,
  ) {
    super(message);
  }

  static missingHeader(header: string): WebhookVerificationError {
    return new WebhookVerificationError(
      'HOOKLINE_SIGNATURE_MISSING_HEADER',
      `The ${header} header is missing or empty. Check that the sender is configured for this signature scheme and header name, and that no proxy strips the header.`,
    );
  }

  static malformedHeader(header: string, expected: string): WebhookVerificationError {
    return new WebhookVerificationError(
      'HOOKLINE_SIGNATURE_MALFORMED_HEADER',
      `The ${header} header is malformed: expected ${expected}. Check that the sender uses the same signature scheme and options as this verifier.`,
    );
  }

  static mismatch(header: string): WebhookVerificationError {
    return new WebhookVerificationError(
      'HOOKLINE_SIGNATURE_MISMATCH',
      `No signature in the ${header} header matches. Verify against the raw request body, not re-serialized JSON, and check the secret (while rotating, pass both the old and the new one).`,
    );
  }

  static timestampTooOld(ageSec: number, toleranceSec: number): WebhookVerificationError {
    return new WebhookVerificationError(
      'HOOKLINE_SIGNATURE_TIMESTAMP_TOO_OLD',
      `The signed timestamp is ${ageSec}s old, beyond the ${toleranceSec}s tolerance. This may be a replayed request; otherwise check the receiver's clock (NTP) or raise toleranceSec.`,
    );
  }

  static timestampInFuture(aheadSec: number, toleranceSec: number): WebhookVerificationError {
    return new WebhookVerificationError(
      'HOOKLINE_SIGNATURE_TIMESTAMP_IN_FUTURE',
      `The signed timestamp is ${aheadSec}s in the future, beyond the ${toleranceSec}s tolerance. Check the sender's and the receiver's clocks (NTP).`,
    );
  }
}
