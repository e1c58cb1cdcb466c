/** One reason an event's `data` was rejected, located by a JSON pointer such as `/data/amount`. */
export interface EventDataIssue {
  pointer: string;
  message: string;
}

/** Appends one key to a JSON pointer, escaping `~` and `/` as RFC 6901 requires. */
export function appendPointer(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
