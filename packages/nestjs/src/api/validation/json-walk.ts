/** The path to the first value, depth-first, for which `found` holds; it is not walked into. */
export function findInJson(value: unknown, found: (value: unknown, path: readonly string[]) => boolean, path: readonly string[] = []): string[] | undefined {
  if (found(value, path)) return [...path];
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const hit = findInJson(child, found, [...path, key]);
    if (hit) return hit;
  }
  return undefined;
}

/** A path as a JSON pointer, escaping `~` and `/` as RFC 6901 requires. */
export function toPointer(path: readonly string[]): string {
  return path.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
