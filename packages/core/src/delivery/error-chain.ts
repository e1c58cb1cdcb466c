export interface ErrorLike {
  message?: unknown;
  code?: unknown;
  cause?: unknown;
}

/**
 * An error and its `cause`s, outermost first. Duck-typed on purpose: errors raised by Node's
 * sockets may come from another realm (jest's sandbox, a vm) where `instanceof Error` is false.
 */
export function* errorChain(error: unknown): Generator<ErrorLike> {
  let current = error;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 8; depth++) {
    yield current as ErrorLike;
    current = (current as ErrorLike).cause;
  }
}

export function errorMessage(error: unknown): string {
  const message = (error as ErrorLike | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : String(error);
}
