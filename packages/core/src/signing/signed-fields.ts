import { requireHeader, type IncomingHeaders } from './header-lookup';
import type { ResolvedSignerOptions, SignedContent } from './signer-options';
import { describeTimestampFormat, formatTimestamp, parseTimestamp } from './timestamp-format';
import { WebhookVerificationError } from './webhook-verification-error';

/** The parts signed ahead of the body, in wire order. */
export function signedPrefix(content: SignedContent, id: string, timestamp: string): string[] {
  switch (content) {
    case 'body':
      return [];
    case 'timestamp.body':
      return [timestamp];
    case 'id.timestamp.body':
      return [id, timestamp];
  }
}

/** What sign() adds beside the signature: the id and timestamp headers, and what they sign. */
export function outgoingFields(
  options: ResolvedSignerOptions,
  id: string,
  unix: number,
): { headers: Record<string, string>; signedPrefix: string[]; timestamp: string } {
  const timestamp = formatTimestamp(unix, options.timestampFormat);
  const headers: Record<string, string> = {};
  if (options.idHeader !== undefined) headers[options.idHeader] = id;
  if (options.timestampHeader !== undefined) headers[options.timestampHeader] = timestamp;
  return { headers, signedPrefix: signedPrefix(options.signedContent, id, timestamp), timestamp };
}

/** Reads back the id and timestamp headers that outgoingFields added (standard and hex schemes). */
export function readSignedFields(
  headers: IncomingHeaders,
  options: ResolvedSignerOptions,
): { signedPrefix: string[]; timestamp?: number } {
  const id = options.idHeader === undefined ? '' : requireHeader(headers, options.idHeader);
  if (options.timestampHeader === undefined) return { signedPrefix: signedPrefix(options.signedContent, id, '') };
  const text = requireHeader(headers, options.timestampHeader);
  const timestamp = parseTimestamp(text, options.timestampFormat);
  if (timestamp === undefined) {
    throw WebhookVerificationError.malformedHeader(options.timestampHeader, describeTimestampFormat(options.timestampFormat));
  }
  return { signedPrefix: signedPrefix(options.signedContent, id, text), timestamp };
}
