import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'hlk_';
const KEY_PATTERN = /^hlk_[A-Za-z0-9_-]{43}$/;
const DISPLAY_LENGTH = 12;

/** A new random key: `hlk_` and 32 random bytes, base64url. */
export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** True when `value` has the shape of a key; anything else is refused without a database read. */
export function looksLikeApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

/** What is stored instead of the key. Keys are 256 random bits, so a plain SHA-256 cannot be brute-forced. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The start of a key, safe to show and log. */
export function displayPrefix(key: string): string {
  return key.slice(0, DISPLAY_LENGTH);
}
