import type { Clock } from '@hookline/core';
import type { SecretCipher } from './secret-cipher';

const CACHE_LIMIT = 10_000;

/**
 * Decrypts a subscription's signing secrets for the hot path, newest first, dropping a
 * rotated-out secret once its grace period is over. Decryptions are memoized by ciphertext.
 */
export class SubscriptionSecrets {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly cipher: SecretCipher,
    private readonly clock: Clock,
  ) {}

  signingSecrets(row: { secretCurrentEnc: string; secretPreviousEnc: string | null; secretPreviousExpiresAt: Date | null }): string[] {
    const secrets = [this.decrypt(row.secretCurrentEnc)];
    if (row.secretPreviousEnc && row.secretPreviousExpiresAt && row.secretPreviousExpiresAt > this.clock.now()) {
      secrets.push(this.decrypt(row.secretPreviousEnc));
    }
    return secrets;
  }

  seal(secret: string): string {
    return this.cipher.encrypt(secret);
  }

  private decrypt(sealed: string): string {
    let plain = this.cache.get(sealed);
    if (plain === undefined) {
      plain = this.cipher.decrypt(sealed);
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sealed, plain);
    }
    return plain;
  }
}
