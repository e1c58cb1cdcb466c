/**
 * Base of every typed error Hookline throws. `code` is stable across releases so callers
 * (and the REST layer's single exception filter) can branch on it without parsing messages.
 */
export abstract class HooklineError extends Error {
  abstract readonly code: string;
  /** Where in the caller's input the problem is, as a JSON pointer (e.g. `/data/amount`). */
  readonly pointer?: string;

  constructor(message: string, options?: { pointer?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.pointer = options?.pointer;
  }
}

export function isHooklineError(error: unknown): error is HooklineError {
  return error instanceof HooklineError;
}
