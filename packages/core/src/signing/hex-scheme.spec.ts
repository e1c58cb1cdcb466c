import crypto from 'node:crypto';
import { ManualClock } from '../clock';
import { createSigner, generateSecret, type SignerOptions } from './index';

const T = 1771416000; // 2026-02-18T12:00:00Z
const body = JSON.stringify({ event_type: 'rewards.points_awarded', data: { user_id: 'usr_abc123', points: 150 } });
const failsWith = (code: string) => expect.objectContaining({ name: 'WebhookVerificationError', code });
const mage: SignerOptions = {
  scheme: 'hex',
  prefix: 'sha256=',
  timestampHeader: 'X-Webhook-Timestamp',
  timestampFormat: 'iso',
  signedContent: 'timestamp.body',
};

// Copied from the mgPass docs (seed 004), which LoyalPro's (seed 003) matches once it is
// given our body: JSON.stringify of the parsed body gives back the string we sent.
function verifyWebhook(body: string, signature: string, secret: string): boolean {
  const expected = crypto.createHmac('sha256', secret).update(body).digest('hex');
  return crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

describe('hex scheme', () => {
  const secret = generateSecret({ scheme: 'hex' });
  const sign = (options: SignerOptions, secrets = [secret]) =>
    createSigner(options).sign({ id: 'evt_1', timestamp: T, body, secrets });
  const verify = (options: SignerOptions, headers: Record<string, string>, secrets: string | string[] = secret) => () =>
    createSigner(options, new ManualClock(T * 1000)).verify({ body, headers, secrets });

  it('signs the body alone by default, accepted by the mgPass and LoyalPro doc snippets', () => {
    const headers = sign({ scheme: 'hex' });
    expect(Object.keys(headers)).toEqual(['X-Webhook-Signature']);
    expect(verifyWebhook(body, headers['X-Webhook-Signature'], secret)).toBe(true);
    expect(verifyWebhook(JSON.stringify(JSON.parse(body)), headers['X-Webhook-Signature'], secret)).toBe(true);
  });

  it('puts the prefix before the hex signature', () => {
    const headers = sign({ scheme: 'hex', prefix: 'sha256=' });
    expect(headers['X-Webhook-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verify({ scheme: 'hex', prefix: 'sha256=' }, headers)).not.toThrow();
  });

  it('signs "timestamp.body" with the exact ISO text it sends, as Mage does', () => {
    const headers = sign(mage);
    expect(headers['X-Webhook-Timestamp']).toBe('2026-02-18T12:00:00.000Z');
    const expected = crypto.createHmac('sha256', secret).update(`${headers['X-Webhook-Timestamp']}.${body}`).digest('hex');
    expect(headers['X-Webhook-Signature']).toBe(`sha256=${expected}`);
    expect(verify(mage, headers)).not.toThrow();
  });

  it('signs "timestamp.body" with unix seconds, sent in X-Webhook-Timestamp unless named otherwise', () => {
    const headers = sign({ scheme: 'hex', signedContent: 'timestamp.body' });
    expect(headers['X-Webhook-Timestamp']).toBe(String(T));
    const expected = crypto.createHmac('sha256', secret).update(`${T}.${body}`).digest('hex');
    expect(headers['X-Webhook-Signature']).toBe(expected);
    const named: SignerOptions = { scheme: 'hex', timestampHeader: 'X-Signed-At', timestampFormat: 'unix' };
    expect(Object.keys(sign(named))).toEqual(['X-Signed-At', 'X-Webhook-Signature']);
    expect(verify(named, sign(named))).not.toThrow();
  });

  it('signs "id.timestamp.body" with the id sent in idHeader', () => {
    const options: SignerOptions = { scheme: 'hex', signedContent: 'id.timestamp.body', idHeader: 'X-Webhook-Id' };
    const headers = sign(options);
    expect(headers['X-Webhook-Id']).toBe('evt_1');
    const expected = crypto.createHmac('sha256', secret).update(`evt_1.${T}.${body}`).digest('hex');
    expect(headers['X-Webhook-Signature']).toBe(expected);
    expect(verify(options, headers)).not.toThrow();
    expect(verify(options, { ...headers, 'X-Webhook-Id': 'evt_2' })).toThrow(failsWith('HOOKLINE_SIGNATURE_MISMATCH'));
  });

  it('signs with the newest secret only, and verifies against any secret given', () => {
    const previous = generateSecret({ scheme: 'hex' });
    const headers = sign({ scheme: 'hex' }, [secret, previous]);
    expect(headers).toEqual(sign({ scheme: 'hex' }, [secret]));
    expect(verify({ scheme: 'hex' }, headers, [previous, secret])).not.toThrow();
    expect(verify({ scheme: 'hex' }, headers, previous)).toThrow(failsWith('HOOKLINE_SIGNATURE_MISMATCH'));
  });

  it.each([
    ['garbage', { 'X-Webhook-Signature': 'not a signature' }],
    ['the prefix missing', { 'X-Webhook-Signature': 'a'.repeat(64) }],
    ['a short signature', { 'X-Webhook-Signature': 'sha256=abc123' }],
  ])('reports a signature with %s as malformed', (_case, headers) => {
    expect(verify({ scheme: 'hex', prefix: 'sha256=' }, headers)).toThrow(failsWith('HOOKLINE_SIGNATURE_MALFORMED_HEADER'));
  });

  it.each(['1771416000', '18/02/2026 12:00', 'not a time'])('reports an ISO timestamp header of %p as malformed', (value) => {
    const headers = { ...sign(mage), 'X-Webhook-Timestamp': value };
    expect(verify(mage, headers)).toThrow(failsWith('HOOKLINE_SIGNATURE_MALFORMED_HEADER'));
  });
});
