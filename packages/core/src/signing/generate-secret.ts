import { randomBytes } from 'node:crypto';
import { InvalidSignerOptionsError } from './invalid-signer-options-error';
import { isSignatureSchemeName, SIGNATURE_SCHEMES, signatureScheme, type SignatureSchemeName } from './signature-schemes';

/**
 * A new random signing secret in the form the scheme's receivers expect: `whsec_<base64>` for
 * standard, 64 lowercase hex characters for the others.
 */
export function generateSecret(
  options: { scheme: SignatureSchemeName },
  random: (size: number) => Buffer = randomBytes,
): string {
  if (!isSignatureSchemeName(options.scheme)) {
    throw new InvalidSignerOptionsError(
      `Unknown signature scheme ${JSON.stringify(options.scheme)}; use one of ${SIGNATURE_SCHEMES.join(', ')}.`,
      { pointer: '/scheme' },
    );
  }
  return signatureScheme(options.scheme).generateSecret(random);
}
