import { findInJson, toPointer } from './json-walk';

// NUL ends strings in C and PostgreSQL refuses it; a lone surrogate is no character at all, and
// SQLite stores it as invalid UTF-8 that other readers fail to decode.
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|\p{Surrogate}/u;

/** The first string in `value` holding NUL or a lone surrogate: where it is and which one. */
export function unstorableTextAt(value: unknown): { pointer: string; character: string } | undefined {
  let character = '';
  const path = findInJson(value, (child) => {
    const match = typeof child === 'string' ? UNSTORABLE.exec(child) : null;
    if (match) character = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return match !== null;
  });
  return path && { pointer: toPointer(path), character };
}
