import { randomBytes } from 'node:crypto';
import { EncryptionKeyError, SecretCipher, SecretDecryptionError } from './secret-cipher';

const key = () => randomBytes(32).toString('base64');

describe('SecretCipher', () => {
  it('round-trips a secret and never stores the plaintext', () => {
    const cipher = new SecretCipher(key());
    const sealed = cipher.encrypt('whsec_plain-secret');
    expect(sealed).not.toContain('plain-secret');
    expect(cipher.decrypt(sealed)).toBe('whsec_plain-secret');
  });

  it('uses a fresh IV each time', () => {
    const cipher = new SecretCipher(key());
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('decrypts rows sealed with an older key after rotation and flags them for re-wrap', () => {
    const oldKey = key();
    const sealedWithOld = new SecretCipher(oldKey).encrypt('s1');
    const rotated = new SecretCipher([key(), oldKey]);
    expect(rotated.decrypt(sealedWithOld)).toBe('s1');
    expect(rotated.needsRewrap(sealedWithOld)).toBe(true);
    expect(rotated.needsRewrap(rotated.encrypt('s1'))).toBe(false);
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = new SecretCipher(key());
    const parts = cipher.encrypt('secret').split(':');
    parts[4] = Buffer.from('tampered!').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow(SecretDecryptionError);
  });

  it('names the missing key when a row was sealed with a key no longer configured', () => {
    const sealed = new SecretCipher(key()).encrypt('secret');
    expect(() => new SecretCipher(key()).decrypt(sealed)).toThrow(/not among the configured encryption keys/);
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => new SecretCipher('short')).toThrow(EncryptionKeyError);
    expect(() => new SecretCipher([])).toThrow(EncryptionKeyError);
    expect(() => new SecretCipher('ab'.repeat(32))).not.toThrow();
  });
});
