import { createHmac, timingSafeEqual } from 'node:crypto';
import { ManualClock } from '../clock';
import { createSigner, generateSecret } from './index';

const T = 1705766400;
const body = JSON.stringify({ event: 'tier.upgraded', data: { customerId: 'cus_1', tier: 'Gold' } });
const failsWith = (code: string) => expect.objectContaining({ name: 'WebhookVerificationError', code });

// Loyali's documented steps, written the way a receiver following them would.
function loyaliReceiverAccepts(header: string, rawBody: string, secret: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=')));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest('hex');
  return timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected));
}

describe('timestamped scheme', () => {
  const signer = createSigner({ scheme: 'timestamped', header: 'X-Loyali-Signature' }, new ManualClock(T * 1000));
  const secret = generateSecret({ scheme: 'timestamped' });
  const verify = (value: string, secrets: string | string[] = secret) => () =>
    signer.verify({ body, headers: { 'x-loyali-signature': value }, secrets });

  it('sends one t=<unix>,v1=<hex> header under the configured name', () => {
    const headers = signer.sign({ id: 'msg_1', timestamp: T, body, secrets: [secret] });
    expect(Object.keys(headers)).toEqual(['X-Loyali-Signature']);
    expect(headers['X-Loyali-Signature']).toMatch(/^t=1705766400,v1=[0-9a-f]{64}$/);
  });

  it('defaults the header to Webhook-Signature', () => {
    expect(createSigner({ scheme: 'timestamped' }).options.header).toBe('Webhook-Signature');
  });

  it('is accepted by a receiver that follows the Loyali docs with plain node:crypto', () => {
    const headers = signer.sign({ id: 'msg_1', timestamp: T, body, secrets: [secret] });
    expect(loyaliReceiverAccepts(headers['X-Loyali-Signature'], body, secret)).toBe(true);
  });

  it('carries one v1= per secret while rotating, and verifies with either secret', () => {
    const previous = generateSecret({ scheme: 'timestamped' });
    const value = signer.sign({ id: 'msg_1', timestamp: T, body, secrets: [secret, previous] })['X-Loyali-Signature'];
    expect(value.match(/v1=/g)).toHaveLength(2);
    expect(verify(value, secret)).not.toThrow();
    expect(verify(value, previous)).not.toThrow();
  });

  it('ignores elements it does not know, such as v0', () => {
    const value = signer.sign({ id: 'msg_1', timestamp: T, body, secrets: [secret] })['X-Loyali-Signature'];
    expect(verify(`${value},v0=deadbeef`)).not.toThrow();
  });

  it.each([
    ['garbage', 'not a signature'],
    ['t= missing', `v1=${'a'.repeat(64)}`],
    ['a non-numeric t', `t=yesterday,v1=${'a'.repeat(64)}`],
    ['t given twice', `t=${T},t=${T},v1=${'a'.repeat(64)}`],
    ['no v1', `t=${T}`],
    ['a v1 that is not 64 hex characters', `t=${T},v1=xyz`],
  ])('reports a header with %s as malformed', (_case, value) => {
    expect(verify(value)).toThrow(failsWith('HOOKLINE_SIGNATURE_MALFORMED_HEADER'));
  });
});
