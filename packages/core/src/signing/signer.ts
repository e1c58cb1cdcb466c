import type { IncomingHeaders } from './header-lookup';
import type { ResolvedSignerOptions } from './signer-options';

export interface SignInput {
  /** Message id; signed and sent by schemes that carry one. */
  id: string;
  /** Unix seconds; passed in so signing never reads a clock. */
  timestamp: number;
  /** The exact string sent, signed as its UTF-8 bytes. */
  body: string;
  /** Newest first; schemes that allow it sign with each, so receivers can rotate. */
  secrets: string[];
}

export interface VerifyInput {
  /** The raw request body, exactly as received. */
  body: string | Buffer;
  /** Looked up case-insensitively; a repeated header counts by its first value. */
  headers: IncomingHeaders;
  /** One secret, or several while rotating; a match against any of them passes. */
  secrets: string | string[];
  /** How far the signed timestamp may be from now, either way; 300 when omitted. */
  toleranceSec?: number;
}

export interface Signer {
  readonly options: Readonly<ResolvedSignerOptions>;
  /** The headers to add to the request. */
  sign(input: SignInput): Record<string, string>;
  /** Returns when the request is authentic and fresh; throws WebhookVerificationError otherwise. */
  verify(input: VerifyInput): void;
}
