import type { IncomingHeaders } from './header-lookup';
import type { ResolvedSignerOptions } from './signer-options';

/** What a request presents, in scheme-free terms, for the shared verify step. */
export interface PresentedSignature {
  /** MACs found in the signature header, already decoded to bytes. */
  readonly macs: readonly Buffer[];
  /** Parts signed ahead of the body, exactly as received. */
  readonly signedPrefix: readonly string[];
  /** Signed unix seconds to hold against the tolerance; absent when nothing signs a time. */
  readonly timestamp?: number;
}

/**
 * The few things that differ between schemes. Computing MACs, comparing them and checking the
 * timestamp are shared by createSigner, so a new scheme is one small file.
 */
export interface SignatureScheme {
  /** Turns one secret into HMAC key bytes. */
  keyFor(secret: string): Buffer;
  /** Whether every current secret signs (receivers see the rotation) or only the newest. */
  readonly signsWithEverySecret: boolean;
  /** The signature header's value for these MACs; `timestamp` is the signed timestamp text. */
  formatSignature(macs: readonly Buffer[], timestamp: string): string;
  /** Reads and checks the headers; throws WebhookVerificationError when they are missing or malformed. */
  read(headers: IncomingHeaders): PresentedSignature;
}

/** A signature header's value in words and as a regular expression a receiver's validator can use. */
export interface SignatureValueFormat {
  readonly format: string;
  readonly pattern: string;
  /** How the subscription's secret becomes the HMAC key. */
  readonly key: string;
}

export type SignatureSchemeFactory = (options: ResolvedSignerOptions) => SignatureScheme;

/** Everything Hookline knows of one scheme: a new scheme is one file and one line in signature-schemes.ts. */
export interface SignatureSchemeDefinition {
  /** What goes on the wire when only the scheme is named. */
  readonly defaults: Omit<ResolvedSignerOptions, 'scheme'>;
  /**
   * Whether options may change more than the signature header's name. Standard Webhooks' and
   * Stripe's layouts are fixed by their specs; the hex scheme signs a configurable template.
   */
  readonly configurableLayout: boolean;
  /** A new random secret in the form the scheme's receivers expect. */
  generateSecret(random: (size: number) => Buffer): string;
  /** What the signature header's value looks like under these options, for API docs. */
  describeValue(options: ResolvedSignerOptions): SignatureValueFormat;
  readonly create: SignatureSchemeFactory;
}
