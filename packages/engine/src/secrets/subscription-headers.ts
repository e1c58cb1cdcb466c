import type { SecretCipher } from './secret-cipher';

const CACHE_LIMIT = 10_000;

/**
 * A subscription's own headers at rest: one JSON object sealed with the signing secrets' cipher
 * (same keys, same rotation), opened for attempts and views. Openings are memoized by
 * ciphertext, so an attempt decrypts at most once and usually not at all.
 */
export class SubscriptionHeaders {
  private readonly opened = new Map<string, Readonly<Record<string, string>>>();

  constructor(private readonly cipher: SecretCipher) {}

  /** Null for no headers: a subscription without any stores nothing and costs its attempts nothing. */
  seal(headers: Readonly<Record<string, string>> | null): string | null {
    return headers && Object.keys(headers).length > 0 ? this.cipher.encrypt(JSON.stringify(headers)) : null;
  }

  open(sealed: string): Readonly<Record<string, string>> {
    let headers = this.opened.get(sealed);
    if (headers === undefined) {
      headers = Object.freeze(JSON.parse(this.cipher.decrypt(sealed)) as Record<string, string>);
      if (this.opened.size >= CACHE_LIMIT) this.opened.clear();
      this.opened.set(sealed, headers);
    }
    return headers;
  }
}
