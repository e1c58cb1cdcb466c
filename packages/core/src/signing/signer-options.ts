import type { SignatureSchemeName } from './signature-schemes';

export type { SignatureSchemeName } from './signature-schemes';

export type TimestampFormat = 'unix' | 'iso';

/** What the HMAC covers: the named parts joined with '.', the body last. */
export type SignedContent = 'body' | 'timestamp.body' | 'id.timestamp.body';

export interface SignerOptions {
  scheme: SignatureSchemeName;
  /** Signature header name; the scheme's default when omitted. */
  header?: string;
  /** Text before a hex signature, such as `sha256=` (hex scheme only). */
  prefix?: string;
  /** Header that carries the signed timestamp (hex scheme). */
  timestampHeader?: string;
  /** How `timestampHeader` shows the timestamp; that exact text is what gets signed. */
  timestampFormat?: TimestampFormat;
  signedContent?: SignedContent;
  /** Header that carries the message id, needed when a hex signature covers the id. */
  idHeader?: string;
}

/** Options with every default applied, describing exactly what goes on the wire. */
export interface ResolvedSignerOptions {
  readonly scheme: SignatureSchemeName;
  readonly header: string;
  /** `''` when the signature has no prefix. */
  readonly prefix: string;
  /** Set when the id travels in its own header and is signed. */
  readonly idHeader?: string;
  /** Set when the timestamp travels in its own header and is signed. */
  readonly timestampHeader?: string;
  readonly timestampFormat: TimestampFormat;
  readonly signedContent: SignedContent;
}

export const SIGNED_CONTENTS: readonly SignedContent[] = ['body', 'timestamp.body', 'id.timestamp.body'];
export const TIMESTAMP_FORMATS: readonly TimestampFormat[] = ['unix', 'iso'];

/** Used when a hex signature covers the timestamp but no header was named for it. */
export const DEFAULT_TIMESTAMP_HEADER = 'X-Webhook-Timestamp';

/** Five minutes either way, as the Standard Webhooks and Stripe libraries use. */
export const DEFAULT_TOLERANCE_SEC = 300;
