import { generateSecret, resolveDeliveryOptions } from '@hookline/core';
import { expectNoWebhookSent, expectWebhookSent } from './expect-webhook-sent';
import { RecordingTransport } from './recording-transport';
import { signWebhook } from './sign-webhook';
import { TestClock } from './test-clock';
import { WebhookAssertionError } from './webhook-assertion-error';

const options = resolveDeliveryOptions();
const secret = generateSecret({ scheme: 'standard' });
const clock = new TestClock();

async function recorderWith(...sent: { url: string; signed: { body: string; headers: Record<string, string> } }[]): Promise<RecordingTransport> {
  const recorder = new RecordingTransport(clock);
  for (const { url, signed } of sent) await recorder.send({ url, ...signed }, options);
  return recorder;
}

const standard = (body: unknown, key = secret) => signWebhook({ sender: 'standard', secret: key, body, timestamp: clock.now() });

describe('expectWebhookSent', () => {
  it('returns the request of that event to that endpoint whose signature verifies', async () => {
    const recorder = await recorderWith(
      { url: 'https://a.example/', signed: standard({ type: 'tier.upgraded', data: {} }) },
      { url: 'https://a.example/', signed: standard({ type: 'points.earned', data: { amount: 5 } }) },
    );
    const found = expectWebhookSent(recorder, { event: 'points.earned', subscription: { url: 'https://a.example/', secret }, data: { amount: 5 } });
    expect(JSON.parse(found.body)).toEqual({ type: 'points.earned', data: { amount: 5 } });
  });

  it('reads the event type of every built-in envelope shape', async () => {
    const recorder = await recorderWith(
      { url: 'https://a.example/', signed: standard({ event: 'mage.event' }) },
      { url: 'https://a.example/', signed: standard({ event_type: 'loyali.event' }) },
    );
    expect(() => expectWebhookSent(recorder, { event: 'mage.event' })).not.toThrow();
    expect(() => expectWebhookSent(recorder, { event: 'loyali.event' })).not.toThrow();
  });

  it('verifies a signature sent at the clock time, however far that is from now', async () => {
    const old = new TestClock(Date.UTC(2001, 0, 1));
    const recorder = new RecordingTransport(old);
    await recorder.send({ url: 'https://a.example/', ...signWebhook({ sender: 'standard', secret, body: { type: 'x' }, timestamp: old.now() }) }, options);
    expect(() => expectWebhookSent(recorder, { event: 'x', secret })).not.toThrow();
  });

  it('names the verifier\'s reason when the signature does not verify', async () => {
    const recorder = await recorderWith({ url: 'https://a.example/', signed: standard({ type: 'x' }, generateSecret({ scheme: 'standard' })) });
    expect(() => expectWebhookSent(recorder, { event: 'x', secret })).toThrow(/signature does not verify: HOOKLINE_SIGNATURE_MISMATCH/);
  });

  it('verifies a custom format when told how it signs, and says when it cannot tell', async () => {
    const scheme = { scheme: 'hex' as const, header: 'X-Custom-Signature' };
    const recorder = await recorderWith({ url: 'https://a.example/', signed: signWebhook({ scheme, secret: 'custom', body: { type: 'x' } }) });
    expect(() => expectWebhookSent(recorder, { event: 'x', secret: 'custom' })).toThrow(/no signature header of any known sender \(pass `sender` for a custom profile\)/);
    expect(() => expectWebhookSent(recorder, { event: 'x', secret: 'custom', sender: scheme })).not.toThrow();
  });

  it('counts matching requests when told how many', async () => {
    const recorder = await recorderWith({ url: 'https://a.example/', signed: standard({ type: 'x' }) }, { url: 'https://a.example/', signed: standard({ type: 'x' }) });
    expect(() => expectWebhookSent(recorder, { event: 'x', times: 2 })).not.toThrow();
    expect(() => expectWebhookSent(recorder, { event: 'x', times: 1 })).toThrow(/Expected a "x" webhook 1 time\(s\), but it was sent 2 time\(s\)\.\nSent \(2\):/);
  });

  it('throws a WebhookAssertionError, which test runners show with its message', async () => {
    const recorder = await recorderWith();
    expect(() => expectWebhookSent(recorder, { event: 'x' })).toThrow(WebhookAssertionError);
  });
});

describe('expectNoWebhookSent', () => {
  it('passes when nothing of that event went there, and lists what did otherwise', async () => {
    const recorder = await recorderWith({ url: 'https://a.example/', signed: standard({ type: 'x' }) });
    expect(() => expectNoWebhookSent(recorder, { event: 'y' })).not.toThrow();
    expect(() => expectNoWebhookSent(recorder, { url: 'https://b.example/' })).not.toThrow();
    expect(() => expectNoWebhookSent(recorder, { event: 'x' })).toThrow(/Expected no "x" webhook, but 1 was sent\.\nSent \(1\):\n {2}- x → https:\/\/a.example\//);
  });
});
