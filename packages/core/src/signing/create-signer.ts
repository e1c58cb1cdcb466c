import { systemClock, type Clock } from '../clock';
import { hmacSha256, matchesAny } from './hmac';
import { resolveSignerOptions } from './resolve-signer-options';
import { outgoingFields } from './signed-fields';
import type { Signer, VerifyInput } from './signer';
import type { SignerOptions } from './signer-options';
import { signatureScheme } from './signature-schemes';
import { assertSignInput, readVerifyInput } from './signing-input';
import { assertWithinTolerance } from './timestamp-tolerance';
import { WebhookVerificationError } from './webhook-verification-error';

/**
 * Builds a signer for one wire format. Options are validated here, once, so a bad profile
 * fails at start-up; the clock is only read by verify(), for the timestamp tolerance.
 */
export function createSigner(options: SignerOptions, clock: Clock = systemClock): Signer {
  const resolved = resolveSignerOptions(options);
  const scheme = signatureScheme(resolved.scheme).create(resolved);
  return {
    options: resolved,
    sign(input) {
      assertSignInput(input, resolved);
      const fields = outgoingFields(resolved, input.id, input.timestamp);
      const secrets = scheme.signsWithEverySecret ? input.secrets : input.secrets.slice(0, 1);
      const macs = secrets.map((secret) => hmacSha256(scheme.keyFor(secret), fields.signedPrefix, input.body));
      return { ...fields.headers, [resolved.header]: scheme.formatSignature(macs, fields.timestamp) };
    },
    verify(input) {
      const { secrets, toleranceSec } = readVerifyInput(input);
      const keys = secrets.map((secret) => scheme.keyFor(secret));
      const presented = scheme.read(input.headers);
      const authentic = keys.some((key) =>
        matchesAny(hmacSha256(key, presented.signedPrefix, input.body), presented.macs),
      );
      if (!authentic) throw WebhookVerificationError.mismatch(resolved.header);
      // Checked after the MAC so that TOO_OLD / IN_FUTURE always describe an authentic request:
      // a replay or a clock problem, never a wrong secret.
      if (presented.timestamp !== undefined) assertWithinTolerance(presented.timestamp, clock, toleranceSec);
    },
  };
}

/** One-off verification for receivers: `createSigner(options, clock).verify(input)`. */
export function verifyWebhook(options: SignerOptions, input: VerifyInput, clock: Clock = systemClock): void {
  createSigner(options, clock).verify(input);
}
