import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of the signed parts, each followed by '.', then the body's exact bytes. */
export function hmacSha256(key: Buffer, signedPrefix: readonly string[], body: string | Buffer): Buffer {
  const hmac = createHmac('sha256', key);
  for (const part of signedPrefix) hmac.update(`${part}.`, 'utf8');
  // A Buffer body is hashed as received, never decoded and re-encoded, so bytes that are not
  // valid UTF-8 still verify.
  return typeof body === 'string' ? hmac.update(body, 'utf8').digest() : hmac.update(body).digest();
}

/** True when any presented MAC equals the expected one, each compared in constant time. */
export function matchesAny(expected: Buffer, presented: readonly Buffer[]): boolean {
  let matched = false;
  for (const mac of presented) {
    // timingSafeEqual throws on unequal lengths; the length of a SHA-256 MAC is public, so
    // checking it first leaks nothing.
    if (mac.length === expected.length && timingSafeEqual(mac, expected)) matched = true;
  }
  return matched;
}

const MAC_TEXT = {
  hex: /^[0-9a-fA-F]{64}$/,
  base64: /^[A-Za-z0-9+/]{43}=?$/,
};

/** The bytes of a presented SHA-256 MAC, or undefined when the text cannot be one. */
export function decodeMac(text: string, encoding: keyof typeof MAC_TEXT): Buffer | undefined {
  // Buffer.from skips characters it cannot decode, so the shape is checked first.
  return MAC_TEXT[encoding].test(text) ? Buffer.from(text, encoding) : undefined;
}
