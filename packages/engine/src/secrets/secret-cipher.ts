import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { HooklineError } from '@hookline/core';

export class EncryptionKeyError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_ENCRYPTION_KEY';
}

export class SecretDecryptionError extends HooklineError {
  readonly code = 'HOOKLINE_SECRET_DECRYPTION_FAILED';
}

interface Key {
  id: string;
  bytes: Buffer;
}

const FORMAT = 'v1';

/**
 * AES-256-GCM for subscription secrets at rest. Keys are listed newest first: encryption uses
 * the first, decryption finds the key by the id stored beside the ciphertext, so a key can be
 * rotated by prepending the new one and re-wrapping rows at leisure.
 */
export class SecretCipher {
  private readonly keys: Key[];

  constructor(keys: string | string[]) {
    const list = Array.isArray(keys) ? keys : [keys];
    if (list.length === 0) throw new EncryptionKeyError('encryptionKey needs at least one key.');
    this.keys = list.map(parseKey);
  }

  get currentKeyId(): string {
    return this.keys[0].id;
  }

  encrypt(plaintext: string): string {
    const key = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [FORMAT, key.id, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [format, keyId, iv, tag, ciphertext] = sealed.split(':');
    if (format !== FORMAT || ciphertext === undefined) {
      throw new SecretDecryptionError('A stored secret is not in the expected encrypted format.');
    }
    const key = this.keys.find((candidate) => candidate.id === keyId);
    if (!key) {
      throw new SecretDecryptionError(
        `A stored secret was encrypted with key ${keyId}, which is not among the configured encryption keys; add the old key after the new one.`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new SecretDecryptionError('A stored secret failed authentication: wrong key or tampered row.', { cause });
    }
  }

  /** True when the value was sealed with an older key and should be re-wrapped. */
  needsRewrap(sealed: string): boolean {
    return sealed.split(':')[1] !== this.currentKeyId;
  }
}

/** Accepts 32 bytes as base64 or hex; anything else is refused rather than silently stretched. */
function parseKey(text: string): Key {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (bytes.length !== 32) {
    throw new EncryptionKeyError(
      'encryptionKey must be 32 random bytes as base64 (44 characters) or hex (64 characters); generate one with `node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"`.',
    );
  }
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 8), bytes };
}
