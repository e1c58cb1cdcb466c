import { systemClock, type Clock } from '../clock';
import { createSigner, type IncomingHeaders, type Signer, type SignerOptions } from '../signing';
import { readHeader } from '../signing/header-lookup';
import { isSignatureSchemeName, type SignatureSchemeName } from '../signing/signature-schemes';
import { idInBody, isKnownSenderName, KNOWN_SENDER_NAMES, knownSender, type KnownSenderName, type SenderFormat } from './known-senders';
import { MalformedWebhookError, ReceiverConfigError } from './receiver-errors';

/** Current secrets, newest first: a list, or a function asked on every request (a vault, a table). */
export type SecretSource = string[] | (() => string[] | Promise<string[]>);

/** How one sender signs and with what: a platform or Hookline profile by name, or a scheme with its options. */
export type SenderConfig = Partial<Omit<SignerOptions, 'scheme'>> & {
  scheme: SignatureSchemeName | KnownSenderName;
  secrets: SecretSource;
  /** How far the signed timestamp may be from now, either way (default 300 s). */
  toleranceSec?: number;
  /** Where the event id is, for a sender named by scheme (default: `webhook-id`, else the body's `id`). */
  eventId?: (headers: IncomingHeaders, event: unknown) => string | undefined;
};

/** What a verified request carried. */
export interface VerifiedWebhook {
  sender: string;
  /** The sender's id for the event (what a redelivery repeats); undefined when it sends none. */
  id: string | undefined;
  /** The parsed JSON body. */
  event: unknown;
}

interface ReadySender {
  signer: Signer;
  format: SenderFormat;
  secrets: SecretSource;
  toleranceSec?: number;
}

/**
 * Verifies incoming webhooks from named senders: the raw body's signature against every current
 * secret in constant time, the timestamp window, then the JSON. Framework-free; the Nest
 * decorator and any other host call `verify`.
 */
export class WebhookReceiver {
  private readonly senders = new Map<string, ReadySender>();

  constructor(senders: Record<string, SenderConfig>, private readonly clock: Clock = systemClock) {
    if (senders === null || typeof senders !== 'object' || Object.keys(senders).length === 0) {
      throw new ReceiverConfigError('senders must name at least one sender, e.g. { payments: { scheme: "stripe", secrets: [process.env.STRIPE_WEBHOOK_SECRET] } }.');
    }
    for (const [name, config] of Object.entries(senders)) this.senders.set(name, ready(name, config, clock));
  }

  get senderNames(): string[] {
    return [...this.senders.keys()];
  }

  has(sender: string): boolean {
    return this.senders.has(sender);
  }

  /** Throws WebhookVerificationError (answer 401), MalformedWebhookError (400) or ReceiverConfigError. */
  async verify(sender: string, request: { body: Buffer | string; headers: IncomingHeaders }): Promise<VerifiedWebhook> {
    const ready = this.senders.get(sender);
    if (!ready) throw new ReceiverConfigError(`No sender named "${sender}"; the receiver knows ${this.senderNames.join(', ')}.`);
    const secrets = await currentSecrets(sender, ready.secrets);
    const headers = withAliases(request.headers, ready.format.aliases);
    ready.signer.verify({ body: request.body, headers, secrets, toleranceSec: ready.toleranceSec });
    let event: unknown;
    try {
      event = JSON.parse(typeof request.body === 'string' ? request.body : request.body.toString('utf8'));
    } catch {
      throw new MalformedWebhookError(`The ${sender} webhook is signed but its body is not JSON.`);
    }
    return { sender, id: ready.format.eventId(headers, event), event };
  }
}

function ready(name: string, config: SenderConfig, clock: Clock): ReadySender {
  if (config === null || typeof config !== 'object') throw new ReceiverConfigError(`Sender "${name}" needs { scheme, secrets }.`, { pointer: `/senders/${name}` });
  const { scheme, secrets, toleranceSec, eventId, ...signerOverrides } = config;
  if (!isKnownSenderName(scheme) && !isSignatureSchemeName(scheme)) {
    throw new ReceiverConfigError(`Sender "${name}" names an unknown scheme "${String(scheme)}"; use one of ${KNOWN_SENDER_NAMES.join(', ')}, or a scheme (standard, timestamped, hex, base64).`, { pointer: `/senders/${name}/scheme` });
  }
  if (typeof secrets !== 'function' && (!Array.isArray(secrets) || secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s === ''))) {
    throw new ReceiverConfigError(`Sender "${name}" has no secret: give secrets as a non-empty list of strings (newest first), or a function returning one.`, { pointer: `/senders/${name}/secrets` });
  }
  const known = isKnownSenderName(scheme) ? knownSender(scheme) : undefined;
  const signerOptions: SignerOptions = known ? { ...known.signer, ...signerOverrides } : { scheme: scheme as SignatureSchemeName, ...signerOverrides };
  const signer = createSigner(signerOptions, clock);
  const format: SenderFormat = {
    signer: signerOptions,
    aliases: known?.aliases,
    eventId: eventId ?? known?.eventId ?? defaultEventId(signer),
  };
  return { signer, format, secrets, toleranceSec };
}

function defaultEventId(signer: Signer): SenderFormat['eventId'] {
  const idHeader = signer.options.idHeader;
  return (headers, event) => {
    return (idHeader ? readHeader(headers, idHeader) : undefined) ?? idInBody(headers, event);
  };
}

async function currentSecrets(sender: string, source: SecretSource): Promise<string[]> {
  const secrets = typeof source === 'function' ? await source() : source;
  if (!Array.isArray(secrets) || secrets.length === 0) throw new ReceiverConfigError(`The secrets function of sender "${sender}" returned no secret.`);
  return secrets;
}

function withAliases(headers: IncomingHeaders, aliases: Record<string, string> | undefined): IncomingHeaders {
  if (!aliases) return headers;
  const merged: Record<string, string | string[] | undefined> = { ...headers };
  for (const [name, alias] of Object.entries(aliases)) {
    if (merged[name] === undefined && merged[alias] !== undefined) merged[name] = merged[alias];
  }
  return merged;
}
