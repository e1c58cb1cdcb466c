import type { SignerOptions } from '../signing';
import type { RetryPolicyOptions } from '../retry';
import type { BuiltinProfileName } from './builtin-profiles';
import type { EnvelopeBuilder, EnvelopeName } from './envelopes';

/**
 * Everything that makes a delivery look like one platform's webhooks on the wire: signature
 * scheme and headers, envelope shape, identifying headers and the retry schedule.
 */
export interface WireProfile {
  name: string;
  signer: SignerOptions;
  envelope: EnvelopeName | EnvelopeBuilder;
  userAgent: string;
  /** Header carrying the event type, e.g. `X-Webhook-Event`; omitted when absent. */
  eventTypeHeader?: string;
  /** Header carrying the event id for schemes whose signature headers do not already carry it. */
  eventIdHeader?: string;
  /** Constant headers added to every request. */
  headers?: Record<string, string>;
  retry: RetryPolicyOptions;
}

/** A profile given by a host: a built-in one's name, or a full definition (optionally extending a built-in). */
export type ProfileInput = BuiltinProfileName | (Partial<WireProfile> & { name: string; extends?: BuiltinProfileName });

