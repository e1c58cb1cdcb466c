import { Webhook } from 'standardwebhooks';
import { ManualClock, unixSeconds } from '../clock';
import { createSigner, generateSecret } from './index';

// From the Standard Webhooks spec and every official library's tests.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const vectorHeaders = {
  'webhook-id': VECTOR.id,
  'webhook-timestamp': String(VECTOR.timestamp),
  'webhook-signature': VECTOR.signature,
};
const failsWith = (code: string) => expect.objectContaining({ name: 'WebhookVerificationError', code });

describe('standard scheme', () => {
  const signer = createSigner({ scheme: 'standard' }, new ManualClock(VECTOR.timestamp * 1000));
  const verifyVector = (headers: Record<string, string>, secrets: string | string[] = VECTOR.secret) => () =>
    signer.verify({ body: VECTOR.body, headers, secrets });

  it('reproduces the spec test vector, with the id and timestamp in their own headers', () => {
    const { id, timestamp, body, secret } = VECTOR;
    expect(signer.sign({ id, timestamp, body, secrets: [secret] })).toEqual(vectorHeaders);
  });

  it('verifies the spec test vector', () => {
    expect(verifyVector(vectorHeaders)).not.toThrow();
  });

  it('accepts a secret without its whsec_ prefix, as the spec libraries do', () => {
    const bare = VECTOR.secret.slice('whsec_'.length);
    const { id, timestamp, body } = VECTOR;
    expect(signer.sign({ id, timestamp, body, secrets: [bare] })['webhook-signature']).toBe(VECTOR.signature);
    expect(verifyVector(vectorHeaders, bare)).not.toThrow();
  });

  it('signs once per secret while rotating, so receivers holding either secret accept', () => {
    const [newest, previous] = [generateSecret({ scheme: 'standard' }), VECTOR.secret];
    const { id, timestamp, body } = VECTOR;
    const headers = signer.sign({ id, timestamp, body, secrets: [newest, previous] });
    const signatures = headers['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
    expect(signatures[1]).toBe(VECTOR.signature);
    expect(verifyVector(headers, newest)).not.toThrow();
    expect(verifyVector(headers, previous)).not.toThrow();
  });

  it('renames only the signature header when header is set', () => {
    const renamed = createSigner({ scheme: 'standard', header: 'X-Hookline-Signature' });
    const { id, timestamp, body, secret } = VECTOR;
    expect(Object.keys(renamed.sign({ id, timestamp, body, secrets: [secret] }))).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'X-Hookline-Signature',
    ]);
  });

  it('skips signature versions it does not know, such as the asymmetric v1a', () => {
    const headers = { ...vectorHeaders, 'webhook-signature': `v1a,c2lnbmVkIGVsc2V3aGVyZQ== ${VECTOR.signature}` };
    expect(verifyVector(headers)).not.toThrow();
  });

  it.each([
    ['garbage', 'not a signature'],
    ['v1 without a comma', 'v1g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='],
    ['a bare version', 'v1'],
    ['only unknown versions', 'v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='],
    ['a v1 that is not base64 of 32 bytes', 'v1,!!!notbase64!!!'],
  ])('reports a signature header with %s as malformed', (_case, value) => {
    expect(verifyVector({ ...vectorHeaders, 'webhook-signature': value })).toThrow(
      failsWith('HOOKLINE_SIGNATURE_MALFORMED_HEADER'),
    );
  });

  it.each(['yesterday', '1614265330.5', '-1614265330'])('reports webhook-timestamp %p as malformed', (value) => {
    expect(verifyVector({ ...vectorHeaders, 'webhook-timestamp': value })).toThrow(
      failsWith('HOOKLINE_SIGNATURE_MALFORMED_HEADER'),
    );
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('reports a missing %s header', (name) => {
    const headers: Record<string, string> = { ...vectorHeaders };
    delete headers[name];
    expect(verifyVector(headers)).toThrow(failsWith('HOOKLINE_SIGNATURE_MISSING_HEADER'));
    expect(verifyVector(headers)).toThrow(name);
  });

  describe('against the standardwebhooks npm library', () => {
    // That library reads the real time, so these requests are signed now.
    const now = unixSeconds(new Date());
    const body = JSON.stringify({ type: 'points.earned', data: { points: 150, note: 'café ☕' } });
    const [newest, previous] = [generateSecret({ scheme: 'standard' }), generateSecret({ scheme: 'standard' })];
    const headers = createSigner({ scheme: 'standard' }).sign({ id: 'msg_1', timestamp: now, body, secrets: [newest, previous] });

    it('accepts our headers with the newest and with the previous secret', () => {
      expect(new Webhook(newest).verify(body, headers)).toEqual(JSON.parse(body));
      expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    });

    it('rejects our headers once the body changes, so its acceptance means something', () => {
      expect(() => new Webhook(newest).verify(body.replace('150', '151'), headers)).toThrow('No matching signature');
    });

    it('signs what our verifier accepts', () => {
      const signature = new Webhook(newest).sign('msg_2', new Date(now * 1000), body);
      const theirs = { 'webhook-id': 'msg_2', 'webhook-timestamp': String(now), 'webhook-signature': signature };
      expect(() => createSigner({ scheme: 'standard' }).verify({ body, headers: theirs, secrets: newest })).not.toThrow();
    });
  });
});
