import {
  createSigner,
  KNOWN_SENDER_NAMES,
  knownSender,
  WebhookVerificationError,
  type KnownSenderName,
  type SignerOptions,
} from '@hookline/core';
import type { RecordedRequest } from './recorded-request';

/** How to verify: a known sender or Hookline profile by name, or signer options (a custom profile's). */
export type SentBy = KnownSenderName | SignerOptions;

/**
 * Checks a recorded request's signature with core's verifier, at the time it was sent (its
 * timestamp came from the kit's clock). Without `by`, every known format whose signature header
 * the request carries is tried. Returns null when it verifies, else why not.
 */
export function signatureProblem(request: RecordedRequest, secret: string, by?: SentBy): string | null {
  const formats = by === undefined ? presentFormats(request) : [typeof by === 'string' ? knownSender(by).signer : by];
  if (formats.length === 0) return 'it carries no signature header of any known sender (pass `sender` for a custom profile)';
  const clock = { now: () => request.at };
  const problems = new Set<string>();
  for (const format of formats) {
    try {
      createSigner(format, clock).verify({ body: request.body, headers: request.headers, secrets: secret });
      return null;
    } catch (error) {
      problems.add(error instanceof WebhookVerificationError ? `${error.code}: ${error.message}` : String(error));
    }
  }
  return [...problems].join('; ');
}

function presentFormats(request: RecordedRequest): SignerOptions[] {
  const formats = KNOWN_SENDER_NAMES.map((name) => knownSender(name).signer);
  const names = new Set(Object.keys(request.headers).map((name) => name.toLowerCase()));
  return formats.filter((format) => names.has(createSigner(format).options.header.toLowerCase()));
}
