import { createHmac, randomUUID } from 'node:crypto';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import Stripe from 'stripe';
import { sign as signGithub } from '@octokit/webhooks-methods';
import { buildWebhookRequest, resolveProfile, type BuiltinProfileName } from '@hookline/core';

/** Hookline's own profiles, each a sender a partner of a Hookline sender verifies. */
export const PROFILES: BuiltinProfileName[] = ['standard', 'mage', 'loyali', 'loyalpro', 'mgpass'];

/** One signed request as the sender's own code builds it, and the event id it carries. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
  id: string | undefined;
  /** The header that carries the signature, to drop it. */
  signatureHeader: string;
  /** The same request signed `ageSec` ago, for senders that sign a time. */
  signedAgo?: (ageSec: number) => Record<string, string>;
}

const event = (id = `evt_${randomUUID()}`) => JSON.stringify({ id, type: 'payment.succeeded', data: { amount: 1250, currency: 'eur' } });

/** Requests signed by each sender's own code (its library where it publishes one), by sender name. */
export const SIGNERS: Record<string, (secret: string) => Promise<SignedRequest>> = {
  async standard(secret) {
    const id = `msg_${randomUUID()}`;
    const body = event();
    const at = (date: Date) => ({ 'webhook-id': id, 'webhook-timestamp': String(Math.floor(date.getTime() / 1000)), 'webhook-signature': new StandardWebhook(secret).sign(id, date, body) });
    return { body, id, headers: at(new Date()), signatureHeader: 'webhook-signature', signedAgo: (s) => at(new Date(Date.now() - s * 1000)) };
  },
  async svix(secret) {
    const id = `msg_${randomUUID()}`;
    const body = event();
    const at = (date: Date) => ({ 'svix-id': id, 'svix-timestamp': String(Math.floor(date.getTime() / 1000)), 'svix-signature': new SvixWebhook(secret).sign(id, date, body) });
    return { body, id, headers: at(new Date()), signatureHeader: 'svix-signature', signedAgo: (s) => at(new Date(Date.now() - s * 1000)) };
  },
  async stripe(secret) {
    const id = `evt_${randomUUID()}`;
    const body = event(id);
    // The Stripe client makes no request until an API method is called; only its webhook helper is used.
    const webhooks = new Stripe('sk_test_not_used').webhooks;
    const at = (timestamp: number) => ({ 'stripe-signature': webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) });
    return { body, id, headers: at(Math.floor(Date.now() / 1000)), signatureHeader: 'stripe-signature', signedAgo: (s) => at(Math.floor(Date.now() / 1000) - s) };
  },
  async github(secret) {
    const id = randomUUID();
    const body = JSON.stringify({ action: 'created', installation: { id: 1 } });
    return { body, id, headers: { 'x-hub-signature-256': await signGithub(secret, body), 'x-github-delivery': id, 'x-github-event': 'installation' }, signatureHeader: 'x-hub-signature-256' };
  },
  async shopify(secret) {
    const id = randomUUID();
    const body = JSON.stringify({ id: 820982911946154500, email: 'jon@example.com' });
    // Shopify publishes no signing library; this is its documented algorithm: base64 HMAC-SHA256 of the raw body.
    const hmac = createHmac('sha256', secret).update(body, 'utf8').digest('base64');
    return { body, id, headers: { 'x-shopify-hmac-sha256': hmac, 'x-shopify-webhook-id': id, 'x-shopify-topic': 'orders/create' }, signatureHeader: 'x-shopify-hmac-sha256' };
  },
  ...Object.fromEntries(
    PROFILES.map((profile) => [
      `hookline-${profile}`,
      async (secret: string): Promise<SignedRequest> => {
        // Hookline's own sender code builds the request, exactly as a delivery attempt does.
        const resolved = resolveProfile(profile);
        const eventId = `dlv_${randomUUID().replace(/-/g, '')}`;
        const message = { eventId, messageId: 'msg_1', type: 'points.earned', tenant: 'shop-1', occurredAt: new Date(), data: { customer_id: 'cust_1', amount: 150 } };
        const at = (attemptAt: Date) => buildWebhookRequest(resolved, { url: 'http://127.0.0.1/', secrets: [secret], message, attemptAt });
        const built = at(new Date());
        const signsTime = resolved.signer.options.signedContent !== 'body';
        const id = profile === 'mage' ? undefined : eventId; // Mage's webhooks carry no event id
        return {
          body: built.body,
          id,
          headers: built.headers,
          signatureHeader: resolved.signer.options.header,
          signedAgo: signsTime ? (s) => at(new Date(Date.now() - s * 1000)).headers : undefined,
        };
      },
    ]),
  ),
};
