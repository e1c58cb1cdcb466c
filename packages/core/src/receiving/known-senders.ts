import type { IncomingHeaders, SignerOptions } from '../signing';
import { readHeader } from '../signing/header-lookup';
import { builtinProfiles, type BuiltinProfileName } from '../profiles/builtin-profiles';

/** How one sender signs, and where its event id travels (what a receiver de-duplicates on). */
export interface SenderFormat {
  signer: SignerOptions;
  /** The event id of a verified request; undefined when the sender sends none. */
  eventId(headers: IncomingHeaders, event: unknown): string | undefined;
  /** Headers read under another name first (svix-id for webhook-id …). */
  aliases?: Record<string, string>;
  /** The header the sender puts its event id in, when it is a header the signer does not add (test requests carry it). */
  idHeader?: string;
}

/** The event's own `id` field, where a sender puts its id in the body (Stripe's evt_…). */
export function idInBody(_headers: IncomingHeaders, event: unknown): string | undefined {
  const value = event !== null && typeof event === 'object' ? (event as Record<string, unknown>).id : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}
const header = (name: string) => (headers: IncomingHeaders) => readHeader(headers, name);
/** The event id travels in its own header: the reader and the name, from one string. */
const idIn = (name: string) => ({ idHeader: name, eventId: header(name) });

/** Platforms whose webhooks a Hookline receiver verifies by name alone. */
const PLATFORMS = {
  // Standard Webhooks, and Svix, which sends the same signature under svix-* names.
  standard: { signer: { scheme: 'standard' }, eventId: header('webhook-id') },
  svix: {
    signer: { scheme: 'standard' },
    eventId: header('svix-id'),
    aliases: { 'webhook-id': 'svix-id', 'webhook-timestamp': 'svix-timestamp', 'webhook-signature': 'svix-signature' },
  },
  // `Stripe-Signature: t=<unix>,v1=<hex>` over "t.body"; the event id is the body's `id` (evt_…).
  stripe: { signer: { scheme: 'timestamped', header: 'Stripe-Signature' }, eventId: idInBody },
  // `X-Hub-Signature-256: sha256=<hex>` over the body; the delivery's GUID is its own header.
  github: { signer: { scheme: 'hex', header: 'X-Hub-Signature-256', prefix: 'sha256=' }, ...idIn('X-GitHub-Delivery') },
  // `X-Shopify-Hmac-Sha256: <base64>` over the body, keyed by the app's client secret.
  shopify: { signer: { scheme: 'base64', header: 'X-Shopify-Hmac-Sha256' }, ...idIn('X-Shopify-Webhook-Id') },
} satisfies Record<string, SenderFormat>;

export type KnownSenderName = keyof typeof PLATFORMS | BuiltinProfileName;

/** Hookline's own profiles, so a partner of a Hookline sender verifies with Hookline. */
function profileFormat(name: BuiltinProfileName): SenderFormat {
  const profile = builtinProfiles[name];
  const signer = profile.signer as SignerOptions;
  const idHeader = 'eventIdHeader' in profile ? profile.eventIdHeader : undefined;
  if (idHeader) return { signer, ...idIn(idHeader) };
  if (signer.scheme === 'standard') return { signer, eventId: header('webhook-id') };
  return { signer, eventId: idInBody };
}

export function isKnownSenderName(name: unknown): name is KnownSenderName {
  return typeof name === 'string' && (Object.hasOwn(PLATFORMS, name) || Object.hasOwn(builtinProfiles, name));
}

export const KNOWN_SENDER_NAMES = [...new Set([...Object.keys(PLATFORMS), ...Object.keys(builtinProfiles)])] as readonly KnownSenderName[];

export function knownSender(name: KnownSenderName): SenderFormat {
  return Object.hasOwn(PLATFORMS, name) ? PLATFORMS[name as keyof typeof PLATFORMS] : profileFormat(name as BuiltinProfileName);
}
