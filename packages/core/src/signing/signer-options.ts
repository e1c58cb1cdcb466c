/** How the signature is laid out on the wire; each seed platform uses one of these. */
export type SignatureSchemeName = 'standard' | 'timestamped' | 'hex';

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

export const SIGNATURE_SCHEMES: readonly SignatureSchemeName[] = ['standard', 'timestamped', 'hex'];
export const SIGNED_CONTENTS: readonly SignedContent[] = ['body', 'timestamp.body', 'id.timestamp.body'];
export const TIMESTAMP_FORMATS: readonly TimestampFormat[] = ['unix', 'iso'];

export const SCHEME_DEFAULTS: Readonly<Record<SignatureSchemeName, ResolvedSignerOptions>> = {
  standard: {
    scheme: 'standard',
    header: 'webhook-signature',
    prefix: '',
    idHeader: 'webhook-id',
    timestampHeader: 'webhook-timestamp',
    timestampFormat: 'unix',
    signedContent: 'id.timestamp.body',
  },
  timestamped: {
    scheme: 'timestamped',
    header: 'Webhook-Signature',
    prefix: '',
    timestampFormat: 'unix',
    signedContent: 'timestamp.body',
  },
  hex: {
    scheme: 'hex',
    header: 'X-Webhook-Signature',
    prefix: '',
    timestampFormat: 'unix',
    signedContent: 'body',
  },
};

/** Used when a hex signature covers the timestamp but no header was named for it. */
export const DEFAULT_TIMESTAMP_HEADER = 'X-Webhook-Timestamp';

/** Five minutes either way, as the Standard Webhooks and Stripe libraries use. */
export const DEFAULT_TOLERANCE_SEC = 300;
