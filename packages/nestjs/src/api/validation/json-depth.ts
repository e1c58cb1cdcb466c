/**
 * No API body needs more than a few levels; class-transformer recurses once per level and
 * overflows the stack around a few thousand, so depth is capped before it runs.
 */
export const MAX_BODY_DEPTH = 16;

/** The JSON pointer of the first array or object nested deeper than `maxDepth`, or undefined. */
export function tooDeepAt(value: unknown, maxDepth = MAX_BODY_DEPTH, path: readonly string[] = []): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (path.length >= maxDepth) return path.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  for (const [key, child] of Object.entries(value)) {
    const found = tooDeepAt(child, maxDepth, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
