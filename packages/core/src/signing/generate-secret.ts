import { randomBytes } from 'node:crypto';
import { InvalidSignerOptionsError } from './invalid-signer-options-error';
import { SIGNATURE_SCHEMES, type SignatureSchemeName } from './signer-options';

const SECRET_BYTES = 32;

/**
 * A new random signing secret in the form the scheme's receivers expect: `whsec_<base64>` for
 * standard, 64 lowercase hex characters otherwise (they use the string itself as the HMAC key,
 * and hex survives env files, URLs and copy-paste unchanged).
 */
export function generateSecret(
  options: { scheme: SignatureSchemeName },
  random: (size: number) => Buffer = randomBytes,
): string {
  switch (options.scheme) {
    case 'standard':
      return `whsec_${random(SECRET_BYTES).toString('base64')}`;
    case 'timestamped':
    case 'hex':
      return random(SECRET_BYTES).toString('hex');
    default:
      throw new InvalidSignerOptionsError(
        `Unknown signature scheme ${JSON.stringify(options.scheme)}; use one of ${SIGNATURE_SCHEMES.join(', ')}.`,
        { pointer: '/scheme' },
      );
  }
}
