import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { generateSecret } from '../signing';
import { MalformedWebhookError, ReceiverConfigError } from './receiver-errors';
import { WebhookReceiver } from './webhook-receiver';

const shopifySigned = (secret: string, body: string) => ({ body, headers: { 'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64') } });

describe('WebhookReceiver', () => {
  it('verifies, then parses: an authentic body that is not JSON is MalformedWebhookError', async () => {
    const receiver = new WebhookReceiver({ shop: { scheme: 'shopify', secrets: ['s'] } });
    await expect(receiver.verify('shop', shopifySigned('s', '{"id":'))).rejects.toBeInstanceOf(MalformedWebhookError);
    await expect(receiver.verify('shop', shopifySigned('s', '{"id":7}'))).resolves.toEqual({ sender: 'shop', id: undefined, event: { id: 7 } });
  });

  it('accepts a request signed with any current secret, the newest or the one being rotated out', async () => {
    const receiver = new WebhookReceiver({ shop: { scheme: 'shopify', secrets: ['new', 'old'] } });
    await expect(receiver.verify('shop', shopifySigned('old', '{}'))).resolves.toMatchObject({ event: {} });
    await expect(receiver.verify('shop', shopifySigned('other', '{}'))).rejects.toMatchObject({ code: 'HOOKLINE_SIGNATURE_MISMATCH' });
  });

  it('asks a secrets function on every request, and refuses to verify against none', async () => {
    let secrets: string[] = ['first'];
    const receiver = new WebhookReceiver({ shop: { scheme: 'shopify', secrets: () => secrets } });
    await expect(receiver.verify('shop', shopifySigned('first', '{}'))).resolves.toBeTruthy();
    secrets = ['second'];
    await expect(receiver.verify('shop', shopifySigned('first', '{}'))).rejects.toMatchObject({ code: 'HOOKLINE_SIGNATURE_MISMATCH' });
    secrets = [];
    await expect(receiver.verify('shop', shopifySigned('second', '{}'))).rejects.toBeInstanceOf(ReceiverConfigError);
  });

  it('reads a scheme given by name with its own header, and the id from webhook-id', async () => {
    const secret = generateSecret({ scheme: 'standard' });
    const receiver = new WebhookReceiver({ partner: { scheme: 'standard', secrets: [secret] } });
    const body = '{"type":"x"}';
    const now = new Date();
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign('msg_1', now, body) };
    await expect(receiver.verify('partner', { body: Buffer.from(body), headers })).resolves.toEqual({ sender: 'partner', id: 'msg_1', event: { type: 'x' } });
  });

  it('names the unknown sender and the known ones', async () => {
    const receiver = new WebhookReceiver({ shop: { scheme: 'shopify', secrets: ['s'] } });
    await expect(receiver.verify('stripe', shopifySigned('s', '{}'))).rejects.toThrow('No sender named "stripe"; the receiver knows shop.');
  });

  it('holds the signed timestamp to the sender\'s toleranceSec, and reads the id where eventId says', async () => {
    const secret = 'partner-secret';
    const receiver = new WebhookReceiver({
      partner: { scheme: 'hex', header: 'X-Signature', timestampHeader: 'X-Timestamp', signedContent: 'timestamp.body', toleranceSec: 30, secrets: [secret], eventId: (headers) => String(headers['x-event']) },
    });
    const signedAt = (ageSec: number) => {
      const t = String(Math.floor(Date.now() / 1000) - ageSec);
      const body = '{}';
      return { body, headers: { 'x-timestamp': t, 'x-signature': createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'), 'x-event': 'e_1' } };
    };
    await expect(receiver.verify('partner', signedAt(10))).resolves.toEqual({ sender: 'partner', id: 'e_1', event: {} });
    await expect(receiver.verify('partner', signedAt(60))).rejects.toMatchObject({ code: 'HOOKLINE_SIGNATURE_TIMESTAMP_TOO_OLD' });
  });
});
