import { retrySchedules } from '../retry';
import type { WireProfile } from './wire-profile';

/** One profile per seed platform, each taken from that platform's published webhook docs. */
export const builtinProfiles = {
  standard: {
    name: 'standard',
    signer: { scheme: 'standard' },
    envelope: 'standard',
    userAgent: 'Hookline/0.1',
    retry: retrySchedules.standard,
  },
  // Seed 000: `X-Webhook-Signature: sha256=<hex>` over "timestamp.body", ISO timestamp header.
  mage: {
    name: 'mage',
    signer: {
      scheme: 'hex',
      header: 'X-Webhook-Signature',
      prefix: 'sha256=',
      timestampHeader: 'X-Webhook-Timestamp',
      timestampFormat: 'iso',
      signedContent: 'timestamp.body',
    },
    envelope: 'mage',
    userAgent: 'MageLoyalty-Webhook/1.0',
    eventTypeHeader: 'X-Webhook-Event',
    retry: retrySchedules.mage,
  },
  // Seed 002: Stripe-style `X-Loyali-Signature: t=<unix>,v1=<hex>`.
  loyali: {
    name: 'loyali',
    signer: { scheme: 'timestamped', header: 'X-Loyali-Signature' },
    envelope: 'loyali',
    userAgent: 'Loyali-Webhooks/1.0',
    eventTypeHeader: 'X-Loyali-Event',
    retry: retrySchedules.loyali,
  },
  // Seed 003: `x-loyalpro-signature: <hex HMAC of the body>`.
  loyalpro: {
    name: 'loyalpro',
    signer: { scheme: 'hex', header: 'X-LoyalPro-Signature', signedContent: 'body' },
    envelope: 'loyalpro',
    userAgent: 'LoyalPro-Webhooks/1.0',
    eventTypeHeader: 'X-LoyalPro-Event',
    eventIdHeader: 'X-LoyalPro-Event-Id',
    retry: retrySchedules.loyalpro,
  },
  // Seed 004: `X-Webhook-Signature: <hex HMAC of the body>`, nothing else.
  mgpass: {
    name: 'mgpass',
    signer: { scheme: 'hex', header: 'X-Webhook-Signature', signedContent: 'body' },
    envelope: 'mgpass',
    userAgent: 'mgPass-Webhooks/1.0',
    eventIdHeader: 'X-Webhook-Id',
    retry: retrySchedules.mgpass,
  },
} satisfies Record<string, WireProfile>;

/** The name of a built-in profile; the list is `builtinProfiles` itself. */
export type BuiltinProfileName = keyof typeof builtinProfiles;

export const BUILTIN_PROFILE_NAMES = Object.keys(builtinProfiles) as readonly BuiltinProfileName[];
