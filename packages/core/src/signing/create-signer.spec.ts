import { ManualClock } from '../clock';
import {
  createSigner,
  generateSecret,
  InvalidSigningInputError,
  verifyWebhook,
  WebhookVerificationError,
  type SignerOptions,
} from './index';

const T = 1767225600; // 2026-01-01T00:00:00Z
const body = JSON.stringify({ type: 'points.earned', data: { customerId: 'cus_1', points: 150, note: 'café ☕' } });
const failsWith = (code: string) => expect.objectContaining({ name: 'WebhookVerificationError', code });

const schemes: Array<[string, SignerOptions]> = [
  ['standard', { scheme: 'standard' }],
  ['timestamped', { scheme: 'timestamped', header: 'X-Loyali-Signature' }],
  ['hex over the body', { scheme: 'hex', header: 'X-LoyalPro-Signature' }],
  ['hex over timestamp.body with an ISO timestamp', { scheme: 'hex', prefix: 'sha256=', timestampFormat: 'iso', signedContent: 'timestamp.body' }],
  ['hex over id.timestamp.body', { scheme: 'hex', signedContent: 'id.timestamp.body', idHeader: 'X-Webhook-Id' }],
];

function setUp(options: SignerOptions) {
  const secret = generateSecret({ scheme: options.scheme });
  const headers = createSigner(options).sign({ id: 'msg_1', timestamp: T, body, secrets: [secret] });
  const signatureHeader = createSigner(options).options.header;
  const verifyAt = (
    nowUnix: number,
    input: { body?: string | Buffer; headers?: Record<string, string | string[]>; secrets?: string; toleranceSec?: number } = {},
  ) => () =>
    createSigner(options, new ManualClock(nowUnix * 1000)).verify({
      body: input.body ?? body,
      headers: input.headers ?? headers,
      secrets: input.secrets ?? secret,
      toleranceSec: input.toleranceSec,
    });
  return { secret, headers, signatureHeader, verify: (input = {}) => verifyAt(T, input), verifyAt };
}

describe.each(schemes)('a %s signer', (_name, options) => {
  const { headers, signatureHeader, verify, verifyAt } = setUp(options);

  it('accepts what it signed, given the raw body as a string or a Buffer', () => {
    expect(verify()).not.toThrow();
    expect(verify({ body: Buffer.from(body, 'utf8') })).not.toThrow();
  });

  it('finds headers whatever the case of their names', () => {
    const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    const upper = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
    expect(verify({ headers: lower })).not.toThrow();
    expect(verify({ headers: upper })).not.toThrow();
  });

  it('reads a repeated header by its first value', () => {
    expect(verify({ headers: { ...headers, [signatureHeader]: [headers[signatureHeader], 'junk'] } })).not.toThrow();
  });

  it('rejects a body changed by one byte', () => {
    const tampered = Buffer.from(body, 'utf8');
    tampered[tampered.indexOf('150')] ^= 1;
    expect(verify({ body: tampered })).toThrow(failsWith('HOOKLINE_SIGNATURE_MISMATCH'));
  });

  it('rejects a changed signature', () => {
    const value = headers[signatureHeader];
    const at = value.length - 10; // inside the MAC in every format
    const changed = `${value.slice(0, at)}${value[at] === 'a' ? 'b' : 'a'}${value.slice(at + 1)}`;
    expect(verify({ headers: { ...headers, [signatureHeader]: changed } })).toThrow(failsWith('HOOKLINE_SIGNATURE_MISMATCH'));
  });

  it('rejects a signature made with another secret, and says to check the raw body', () => {
    const other = generateSecret({ scheme: options.scheme });
    expect(verify({ secrets: other })).toThrow(failsWith('HOOKLINE_SIGNATURE_MISMATCH'));
    expect(verify({ secrets: other })).toThrow('raw request body, not re-serialized JSON');
  });

  it('reports a missing signature header by name', () => {
    const without = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== signatureHeader));
    expect(verify({ headers: without })).toThrow(failsWith('HOOKLINE_SIGNATURE_MISSING_HEADER'));
    expect(verify({ headers: without })).toThrow(signatureHeader);
    expect(verify({ headers: { ...headers, [signatureHeader]: '' } })).toThrow(failsWith('HOOKLINE_SIGNATURE_MISSING_HEADER'));
  });

  it('throws a WebhookVerificationError', () => {
    expect(verify({ body: 'x' })).toThrow(WebhookVerificationError);
  });

  if (createSigner(options).options.signedContent === 'body') {
    it('ignores the clock, since nothing signs a time', () => {
      expect(verifyAt(T + 86_400)).not.toThrow();
    });
  } else {
    it('accepts a timestamp exactly at the tolerance edge, either way', () => {
      expect(verifyAt(T + 300)).not.toThrow();
      expect(verifyAt(T - 300)).not.toThrow();
    });

    it('rejects a timestamp older than the tolerance', () => {
      expect(verifyAt(T + 301)).toThrow(failsWith('HOOKLINE_SIGNATURE_TIMESTAMP_TOO_OLD'));
      expect(verifyAt(T + 11, { toleranceSec: 10 })).toThrow(failsWith('HOOKLINE_SIGNATURE_TIMESTAMP_TOO_OLD'));
    });

    it('rejects a timestamp further in the future than the tolerance', () => {
      expect(verifyAt(T - 301)).toThrow(failsWith('HOOKLINE_SIGNATURE_TIMESTAMP_IN_FUTURE'));
    });

    it('reports a wrong secret as a mismatch even when the timestamp is also stale', () => {
      expect(verifyAt(T + 3600, { secrets: generateSecret({ scheme: options.scheme }) })).toThrow(
        failsWith('HOOKLINE_SIGNATURE_MISMATCH'),
      );
    });
  }
});

describe('createSigner', () => {
  const signer = createSigner({ scheme: 'hex' });
  const signInput = { id: 'msg_1', timestamp: T, body, secrets: ['s3cret'] };

  it('never reads the clock when signing', () => {
    const clock = { now: jest.fn(() => new Date()) };
    createSigner({ scheme: 'standard' }, clock).sign({ ...signInput, secrets: [generateSecret({ scheme: 'standard' })] });
    expect(clock.now).not.toHaveBeenCalled();
  });

  it('exposes the resolved options', () => {
    expect(createSigner({ scheme: 'standard' }).options).toEqual(
      expect.objectContaining({ header: 'webhook-signature', idHeader: 'webhook-id', timestampHeader: 'webhook-timestamp' }),
    );
  });

  it.each([
    ['no secret', { secrets: [] }],
    ['an empty secret', { secrets: [''] }],
    ['a timestamp in milliseconds', { timestamp: T * 1000 }],
    ['a fractional timestamp', { timestamp: T + 0.5 }],
  ])('refuses to sign with %s', (_case, change) => {
    expect(() => signer.sign({ ...signInput, ...change })).toThrow(InvalidSigningInputError);
  });

  it('refuses a standard secret that is not base64', () => {
    expect(() => createSigner({ scheme: 'standard' }).sign({ ...signInput, secrets: ['whsec_not base64!'] })).toThrow(
      expect.objectContaining({ code: 'HOOKLINE_INVALID_SIGNING_INPUT' }),
    );
  });

  it('refuses to verify a parsed body, no secrets or a negative tolerance, rather than calling it a mismatch', () => {
    const headers = signer.sign(signInput);
    const input = { body, headers, secrets: 's3cret' };
    expect(() => signer.verify({ ...input, body: JSON.parse(body) })).toThrow('raw request body');
    expect(() => signer.verify({ ...input, secrets: [] })).toThrow(InvalidSigningInputError);
    expect(() => signer.verify({ ...input, toleranceSec: -1 })).toThrow(InvalidSigningInputError);
  });
});

describe('verifyWebhook', () => {
  it('verifies in one call with the given options', () => {
    const options: SignerOptions = { scheme: 'timestamped' };
    const headers = createSigner(options).sign({ id: 'msg_1', timestamp: T, body, secrets: ['s3cret'] });
    const clock = new ManualClock(T * 1000);
    expect(() => verifyWebhook(options, { body, headers, secrets: 's3cret' }, clock)).not.toThrow();
    expect(() => verifyWebhook(options, { body, headers, secrets: 'wrong' }, clock)).toThrow(
      failsWith('HOOKLINE_SIGNATURE_MISMATCH'),
    );
  });
});
