import {
  createSigner,
  isKnownSenderName,
  isSignatureSchemeName,
  knownSender,
  newId,
  SIGNATURE_SCHEMES,
  unixSeconds,
  type KnownSenderName,
  type SenderFormat,
  type SignatureSchemeName,
  type SignerOptions,
} from '@hookline/core';
import { TestKitError } from './test-kit-error';

export interface SignWebhookInput {
  /** A sender as `WebhookReceiverModule` names it (`stripe`, `svix`, a Hookline profile …) or a bare scheme name. */
  sender?: KnownSenderName | SignatureSchemeName;
  /** A scheme with its options, as a receiver's `{ scheme: 'hex', header: … }` sender says it. */
  scheme?: SignerOptions;
  secret: string;
  /** A string is signed as is; anything else as its JSON. */
  body: unknown;
  /** The event id, where the sender carries one in a header (default a fresh `msg_…`). */
  id?: string;
  /** The signed time (default now): a receiver refuses one outside its tolerance. */
  timestamp?: Date | number;
}

/** A request as the named sender would send it: post `body` with `headers` to the receiver. */
export function signWebhook(input: SignWebhookInput): { body: string; headers: Record<string, string> } {
  const format = formatOf(input);
  const body = typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  const id = input.id ?? newId('message');
  const at = input.timestamp ?? new Date();
  const signed = createSigner(format.signer).sign({ id, timestamp: typeof at === 'number' ? Math.floor(at / 1000) : unixSeconds(at), body, secrets: [input.secret] });
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(format.idHeader && { [format.idHeader]: id }) };
  // Svix sends the standard signature under its own names; the receiver reads those first.
  const renamed = new Map(Object.entries(format.aliases ?? {}));
  for (const [name, value] of Object.entries(signed)) headers[renamed.get(name) ?? name] = value;
  return { body, headers };
}

function formatOf({ sender, scheme }: SignWebhookInput): Pick<SenderFormat, 'signer' | 'aliases' | 'idHeader'> {
  if ((sender === undefined) === (scheme === undefined)) {
    throw new TestKitError("signWebhook needs one of `sender` (a name such as 'stripe' or 'standard') or `scheme` (signer options).");
  }
  if (scheme) return { signer: scheme };
  if (isKnownSenderName(sender)) return knownSender(sender);
  if (isSignatureSchemeName(sender)) return { signer: { scheme: sender } };
  throw new TestKitError(`signWebhook: no sender or scheme is called "${String(sender)}"; use a known sender (standard, svix, stripe, github, shopify, a Hookline profile) or a scheme (${SIGNATURE_SCHEMES.join(', ')}).`);
}
