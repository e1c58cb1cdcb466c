import { Webhook } from 'standardwebhooks';
import { generateSecret } from './generate-secret';
import type { SignatureSchemeName } from './signer-options';

describe('generateSecret', () => {
  it('makes whsec_ plus base64 of 32 random bytes for the standard scheme, usable by the spec library', () => {
    const secret = generateSecret({ scheme: 'standard' });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(() => new Webhook(secret)).not.toThrow();
  });

  it.each<SignatureSchemeName>(['timestamped', 'hex'])('makes 64 lowercase hex characters for the %s scheme', (scheme) => {
    expect(generateSecret({ scheme })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('draws from the random source it is given, crypto.randomBytes by default', () => {
    const random = jest.fn((size: number) => Buffer.alloc(size, 0xab));
    expect(generateSecret({ scheme: 'hex' }, random)).toBe('ab'.repeat(32));
    expect(random).toHaveBeenCalledWith(32);
    expect(generateSecret({ scheme: 'hex' })).not.toBe(generateSecret({ scheme: 'hex' }));
  });

  it('rejects an unknown scheme', () => {
    expect(() => generateSecret({ scheme: 'hmac' as SignatureSchemeName })).toThrow(
      expect.objectContaining({ code: 'HOOKLINE_INVALID_SIGNER_OPTIONS' }),
    );
  });
});
