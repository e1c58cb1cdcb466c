import { createHmac } from 'node:crypto';
import { createSigner, generateSecret, WebhookVerificationError } from '../signing';
import { buildWebhookRequest } from './build-webhook-request';
import { resolveProfile } from './resolve-profile';
import { ProfileConfigError } from './profile-config-error';
import type { EnvelopeInput } from './envelopes';

const message: EnvelopeInput = {
  eventId: 'dlv_01J0000000000000000000000A',
  messageId: 'msg_01J0000000000000000000000A',
  type: 'points.earned',
  tenant: 'my-store',
  occurredAt: new Date('2026-02-18T12:00:00.000Z'),
  data: { customer_id: 'cust_abc123', amount: 150 },
};
const attemptAt = new Date('2026-02-18T12:00:05.000Z');
const hmacHex = (secret: string, content: string) => createHmac('sha256', secret).update(content).digest('hex');

function build(profileName: Parameters<typeof resolveProfile>[0]) {
  const resolved = resolveProfile(profileName);
  const secret = generateSecret({ scheme: resolved.profile.signer.scheme });
  const request = buildWebhookRequest(resolved, { url: 'https://example.com/hook', secrets: [secret], message, attemptAt });
  const lower = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { resolved, secret, request, headers: lower, body: JSON.parse(request.body) };
}

describe('buildWebhookRequest with the built-in profiles', () => {
  it('standard: Standard Webhooks headers and a {id, type, timestamp, data} body that verifies', () => {
    const { resolved, secret, request, headers, body } = build('standard');
    expect(body).toEqual({ id: message.eventId, type: 'points.earned', timestamp: '2026-02-18T12:00:00.000Z', data: message.data });
    expect(headers['webhook-id']).toBe(message.eventId);
    expect(headers['webhook-timestamp']).toBe(String(attemptAt.getTime() / 1000));
    expect(headers['content-type']).toBe('application/json');
    const receiver = createSigner(resolved.profile.signer, { now: () => attemptAt });
    expect(() => receiver.verify({ body: request.body, headers: request.headers, secrets: secret })).not.toThrow();
    expect(() => receiver.verify({ body: request.body.replace('150', '151'), headers: request.headers, secrets: secret })).toThrow(
      WebhookVerificationError,
    );
  });

  it('mage: sha256= hex HMAC of "timestamp.body" with the ISO timestamp header, as seed 000 documents', () => {
    const { secret, request, headers, body } = build('mage');
    expect(Object.keys(body)).toEqual(['event', 'shop', 'timestamp', 'data']);
    expect(body).toMatchObject({ event: 'points.earned', shop: 'my-store', timestamp: '2026-02-18T12:00:00.000Z' });
    expect(headers['x-webhook-timestamp']).toBe('2026-02-18T12:00:05.000Z');
    expect(headers['x-webhook-event']).toBe('points.earned');
    expect(headers['user-agent']).toBe('MageLoyalty-Webhook/1.0');
    expect(headers['x-webhook-signature']).toBe(`sha256=${hmacHex(secret, `${headers['x-webhook-timestamp']}.${request.body}`)}`);
  });

  it('loyali: Stripe-style X-Loyali-Signature over "t.body" and an {id, event_type, created_at, data} body', () => {
    const { secret, request, headers, body } = build('loyali');
    expect(Object.keys(body)).toEqual(['id', 'event_type', 'created_at', 'data']);
    expect(body.created_at).toBe('2026-02-18T12:00:00Z');
    const [t, v1] = headers['x-loyali-signature'].split(',');
    expect(t).toBe(`t=${attemptAt.getTime() / 1000}`);
    expect(v1).toBe(`v1=${hmacHex(secret, `${t.slice(2)}.${request.body}`)}`);
  });

  it('loyalpro: bare hex HMAC of the raw body in X-LoyalPro-Signature, the way seed 003 verifies it', () => {
    const { secret, request, headers, body } = build('loyalpro');
    expect(body).toMatchObject({ id: message.eventId, type: 'points.earned', data: message.data });
    // Seed 003 verifies JSON.stringify(parsed body): our compact serialization makes that identical.
    expect(JSON.stringify(JSON.parse(request.body))).toBe(request.body);
    expect(headers['x-loyalpro-signature']).toBe(hmacHex(secret, request.body));
  });

  it('mgpass: X-Webhook-Signature hex HMAC of the body and an {event_type, data, timestamp} body', () => {
    const { secret, request, headers, body } = build('mgpass');
    expect(Object.keys(body)).toEqual(['event_type', 'data', 'timestamp']);
    expect(headers['x-webhook-signature']).toBe(hmacHex(secret, request.body));
    expect(headers['x-webhook-id']).toBe(message.eventId);
  });

  it('signs the exact bytes it sends, including non-ASCII data', () => {
    const resolved = resolveProfile('mgpass');
    const request = buildWebhookRequest(resolved, {
      url: 'https://example.com',
      secrets: ['s3cret'],
      message: { ...message, data: { customer_id: 'çüş-🎉' } },
      attemptAt,
    });
    expect(request.headers['X-Webhook-Signature']).toBe(hmacHex('s3cret', request.body));
  });

  it('lets a custom profile extend a built-in one and replace the envelope', () => {
    const resolved = resolveProfile({ name: 'custom', extends: 'mgpass', envelope: (m) => ({ kind: m.type, payload: m.data }) });
    const request = buildWebhookRequest(resolved, { url: 'https://example.com', secrets: ['k'], message, attemptAt });
    expect(JSON.parse(request.body)).toEqual({ kind: 'points.earned', payload: message.data });
    expect(request.headers['X-Webhook-Signature']).toBe(hmacHex('k', request.body));
  });

  it('rejects an unknown profile name with the list of known ones', () => {
    expect(() => resolveProfile('nope' as never)).toThrow(ProfileConfigError);
    expect(() => resolveProfile('nope' as never)).toThrow(/standard, mage, loyali, loyalpro, mgpass/);
  });
});
