import { createHash, randomBytes } from 'node:crypto';

const KEY_PREFIX = 'hlk_';
/** Portal session tokens look different, so a host's guard, a log scrubber or a secret scanner can tell them apart. */
export const PORTAL_TOKEN_PREFIX = 'hlp_';
const KEY_PATTERN = /^hl[kp]_[A-Za-z0-9_-]{43}$/;
const DISPLAY_LENGTH = 12;

/** A new random key: `hlk_` (or `hlp_` for a portal session) and 32 random bytes, base64url. */
export function generateApiKey(prefix = KEY_PREFIX): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** True when `value` has the shape of a key or a portal token; anything else is refused without a database read. */
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
