import { signatureScheme } from './signature-schemes';
import { signedPrefix } from './signed-fields';
import type { ResolvedSignerOptions } from './signer-options';

/** A signer's signature header as API docs show it: the value's format, and what it signs. */
export interface SignatureDescription {
  header: string;
  /** The value's layout in words, e.g. `"sha256=" followed by 64 hex characters`. */
  format: string;
  /** A regular expression every value matches; real values are never shown in docs. */
  pattern: string;
  /** What the HMAC covers and how it is keyed, in words. */
  signs: string;
}

export function describeSignature(options: ResolvedSignerOptions): SignatureDescription {
  const { format, pattern, key } = signatureScheme(options.scheme).describeValue(options);
  // Placeholders go through the signer's own template, so the text names the parts in signing order.
  const id = `<${options.idHeader ?? 'id'}>`;
  const timestamp = `<${options.timestampHeader ?? 't'}>`;
  const template = [...signedPrefix(options.signedContent, id, timestamp), '<raw body>'].join('.');
  return { header: options.header, format, pattern, signs: `HMAC-SHA256 of "${template}", keyed with ${key}` };
}
