import { InvalidSigningInputError } from './invalid-signing-input-error';
import type { SignInput, VerifyInput } from './signer';
import { DEFAULT_TOLERANCE_SEC, type ResolvedSignerOptions } from './signer-options';

// 1e11 seconds is the year 5138, while Date.now() has been past 1e12 since 2001, so anything
// above this is almost surely milliseconds.
const LARGEST_PLAUSIBLE_UNIX_SECONDS = 1e11;

/** Checks sign() input so a caller bug fails here rather than as a signature no receiver accepts. */
export function assertSignInput(input: SignInput, options: ResolvedSignerOptions): void {
  secretList(input.secrets);
  const { timestamp } = input;
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new InvalidSigningInputError('sign() needs the timestamp as whole unix seconds.', { pointer: '/timestamp' });
  }
  if (timestamp > LARGEST_PLAUSIBLE_UNIX_SECONDS) {
    throw new InvalidSigningInputError(
      'sign() got a timestamp that looks like milliseconds; pass unix seconds, e.g. unixSeconds(clock.now()).',
      { pointer: '/timestamp' },
    );
  }
  if (typeof input.body !== 'string') {
    throw new InvalidSigningInputError('sign() needs the body as the exact string that will be sent.', { pointer: '/body' });
  }
  if (options.idHeader !== undefined && (typeof input.id !== 'string' || input.id === '')) {
    throw new InvalidSigningInputError(`sign() needs a message id; it is sent in ${options.idHeader} and signed.`, {
      pointer: '/id',
    });
  }
}

/** Checks verify() input and applies its defaults. */
export function readVerifyInput(input: VerifyInput): { secrets: string[]; toleranceSec: number } {
  if (typeof input.body !== 'string' && !Buffer.isBuffer(input.body)) {
    throw new InvalidSigningInputError(
      'verify() needs the raw request body as a string or Buffer, not parsed JSON; capture it before any body parser runs.',
      { pointer: '/body' },
    );
  }
  if (typeof input.headers !== 'object' || input.headers === null) {
    throw new InvalidSigningInputError('verify() needs the request headers as an object.', { pointer: '/headers' });
  }
  const toleranceSec = input.toleranceSec ?? DEFAULT_TOLERANCE_SEC;
  if (!Number.isFinite(toleranceSec) || toleranceSec < 0) {
    throw new InvalidSigningInputError('toleranceSec must be a non-negative number of seconds.', { pointer: '/toleranceSec' });
  }
  return { secrets: secretList(input.secrets), toleranceSec };
}

function secretList(secrets: string | string[]): string[] {
  const list: unknown = typeof secrets === 'string' ? [secrets] : secrets;
  if (!Array.isArray(list) || list.length === 0 || list.some((secret) => typeof secret !== 'string' || secret === '')) {
    throw new InvalidSigningInputError(
      'At least one non-empty secret is needed (newest first); check that the subscription or environment variable holds one.',
      { pointer: '/secrets' },
    );
  }
  return list as string[];
}
