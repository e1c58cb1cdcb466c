import { HooklineError } from '../errors';
import { errorChain } from './error-chain';

/**
 * A webhook URL points somewhere Hookline refuses to send to (an internal address, plain http,
 * embedded credentials…). The message says why and which option allows it for local development.
 */
export class UnsafeUrlError extends HooklineError {
  readonly code = 'HOOKLINE_UNSAFE_URL';
}

/** The `UnsafeUrlError` anywhere in a `cause` chain: HTTP clients wrap the guard's error in their own. */
export function findUnsafeUrlError(error: unknown): UnsafeUrlError | undefined {
  for (const link of errorChain(error)) {
    if (link instanceof UnsafeUrlError) return link;
  }
  return undefined;
}
