import { remembered } from '../memo/bounded-memo';
import { InvalidSigningInputError } from './invalid-signing-input-error';

/** Random bytes in a generated secret: a full HMAC-SHA256 key. */
export const SECRET_BYTES = 32;

const WHSEC_PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Standard Webhooks key: the base64 after `whsec_`, which the spec libraries also accept bare. */
export function keyFromWhsecSecret(secret: string): Buffer {
  return remembered(decodedKeys, secret, DECODED_KEY_LIMIT, decodeWhsecSecret);
}

// Every delivery is signed with its subscription's key; decoding it once per secret is enough.
const decodedKeys = new Map<string, Buffer>();
const DECODED_KEY_LIMIT = 10_000;

function decodeWhsecSecret(secret: string): Buffer {
  const encoded = secret.startsWith(WHSEC_PREFIX) ? secret.slice(WHSEC_PREFIX.length) : secret;
  if (!BASE64.test(encoded)) {
    throw new InvalidSigningInputError(
      'A standard-scheme secret must be "whsec_" followed by base64, as generateSecret({ scheme: "standard" }) makes.',
      { pointer: '/secrets' },
    );
  }
  return Buffer.from(encoded, 'base64');
}

/** Key for the hex and timestamped schemes: the secret string's UTF-8 bytes, as receivers pass it to createHmac. */
export function keyFromUtf8Secret(secret: string): Buffer {
  if (secret === '') {
    throw new InvalidSigningInputError('A signing secret must not be empty.', { pointer: '/secrets' });
  }
  return Buffer.from(secret, 'utf8');
}
