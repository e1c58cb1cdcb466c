import { SecretCipher } from './secret-cipher';
import { SubscriptionHeaders } from './subscription-headers';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');

describe('SubscriptionHeaders', () => {
  it('seals the headers as one ciphertext without their names or values in clear, and opens them', () => {
    const headers = new SubscriptionHeaders(new SecretCipher(key(1)));
    const sealed = headers.seal({ 'X-Api-Key': 'k_secret_value', Authorization: 'Bearer t0k3n' })!;
    expect(sealed).toMatch(/^v1:/);
    for (const clear of ['X-Api-Key', 'k_secret_value', 'Bearer', 't0k3n']) expect(sealed).not.toContain(clear);
    expect(headers.open(sealed)).toEqual({ 'X-Api-Key': 'k_secret_value', Authorization: 'Bearer t0k3n' });
  });

  it('stores nothing for no headers', () => {
    const headers = new SubscriptionHeaders(new SecretCipher(key(1)));
    expect(headers.seal(null)).toBeNull();
    expect(headers.seal({})).toBeNull();
  });

  it('opens headers sealed with an older key once the new key is prepended, as secrets do', () => {
    const sealed = new SubscriptionHeaders(new SecretCipher(key(1))).seal({ 'X-Api-Key': 'k' })!;
    expect(new SubscriptionHeaders(new SecretCipher([key(2), key(1)])).open(sealed)).toEqual({ 'X-Api-Key': 'k' });
    expect(() => new SubscriptionHeaders(new SecretCipher(key(2))).open(sealed)).toThrow(/not among the configured encryption keys/);
  });
});
