import { KNOWN_SENDER_NAMES, SIGNATURE_SCHEMES, WebhookReceiver, WebhookVerificationError, generateSecret } from '@hookline/core';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { signWebhook } from './sign-webhook';
import { TestKitError } from './test-kit-error';

const secretFor = (name: string) => (name === 'standard' || name === 'svix' ? generateSecret({ scheme: 'standard' }) : 'a-shared-secret');
const event = { id: 'evt_1', type: 'points.earned', data: { amount: 150 } };

describe('signWebhook', () => {
  it.each([...KNOWN_SENDER_NAMES])('builds a request the receiver accepts as the %s sender, with its event id where it reads one', async (name) => {
    const secret = secretFor(name);
    const request = signWebhook({ sender: name, secret, body: event, id: 'msg_42' });
    const receiver = new WebhookReceiver({ them: { scheme: name, secrets: [secret] } });
    const verified = await receiver.verify('them', request);
    expect(verified.event).toEqual(event);
    // Stripe, Mage and Loyali carry no id header: the receiver reads the body's `id`.
    expect(verified.id).toBe(['stripe', 'mage', 'loyali'].includes(name) ? 'evt_1' : 'msg_42');
  });

  it.each([...SIGNATURE_SCHEMES])('signs by the bare scheme name %s', async (scheme) => {
    const secret = secretFor(scheme);
    const receiver = new WebhookReceiver({ them: { scheme, secrets: [secret] } });
    await expect(receiver.verify('them', signWebhook({ sender: scheme, secret, body: event }))).resolves.toMatchObject({ event });
  });

  it('signs by a scheme with its options, as a receiver configures an unnamed sender', async () => {
    const scheme = { scheme: 'hex' as const, header: 'X-Signature', prefix: 'sha256=' };
    const request = signWebhook({ scheme, secret: 's3cret', body: '{"a":1}' });
    expect(request.headers['X-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const receiver = new WebhookReceiver({ them: { ...scheme, secrets: ['s3cret'] } });
    await expect(receiver.verify('them', request)).resolves.toMatchObject({ event: { a: 1 } });
  });

  it('signs what the Standard Webhooks and Svix libraries verify', () => {
    const secret = generateSecret({ scheme: 'standard' });
    const timestamp = new Date();
    const standard = signWebhook({ sender: 'standard', secret, body: event, id: 'msg_1', timestamp });
    expect(new StandardWebhook(secret).verify(standard.body, standard.headers)).toEqual(event);
    const svix = signWebhook({ sender: 'svix', secret, body: event, id: 'msg_2', timestamp });
    expect(Object.keys(svix.headers)).toEqual(expect.arrayContaining(['svix-id', 'svix-timestamp', 'svix-signature']));
    expect(svix.headers['webhook-signature']).toBeUndefined();
    expect(new SvixWebhook(secret).verify(svix.body, svix.headers)).toEqual(event);
  });

  it('signs the body byte for byte as given, and as JSON otherwise', () => {
    expect(signWebhook({ sender: 'github', secret: 's', body: '{ "spaced": true }' }).body).toBe('{ "spaced": true }');
    expect(signWebhook({ sender: 'github', secret: 's', body: { a: 1 } }).body).toBe('{"a":1}');
  });

  it('signs at the given time, so a stale request can be tested', async () => {
    const secret = 'whsec_' + Buffer.from('k'.repeat(32)).toString('base64');
    const stale = signWebhook({ sender: 'standard', secret, body: event, timestamp: Date.now() - 3_600_000 });
    const receiver = new WebhookReceiver({ them: { scheme: 'standard', secrets: [secret] } });
    await expect(receiver.verify('them', stale)).rejects.toMatchObject({ code: 'HOOKLINE_SIGNATURE_TIMESTAMP_TOO_OLD' });
  });

  it('makes a request another secret does not verify', async () => {
    const request = signWebhook({ sender: 'stripe', secret: 'right', body: event });
    const receiver = new WebhookReceiver({ them: { scheme: 'stripe', secrets: ['wrong'] } });
    await expect(receiver.verify('them', request)).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it('refuses an unknown name, and needs exactly one of sender and scheme', () => {
    expect(() => signWebhook({ sender: 'paypal' as never, secret: 's', body: '' })).toThrow(/no sender or scheme is called "paypal"/);
    expect(() => signWebhook({ secret: 's', body: '' })).toThrow(TestKitError);
    expect(() => signWebhook({ sender: 'github', scheme: { scheme: 'hex' }, secret: 's', body: '' })).toThrow(TestKitError);
  });
});
