import { findInJson, toPointer } from './json-walk';

/**
 * No API body needs more than a few levels; class-transformer recurses once per level and
 * overflows the stack around a few thousand, so depth is capped before it runs.
 */
export const MAX_BODY_DEPTH = 16;

/** The JSON pointer of the first array or object nested deeper than `maxDepth`, or undefined. */
export function tooDeepAt(value: unknown, maxDepth = MAX_BODY_DEPTH): string | undefined {
  const path = findInJson(value, (child, at) => at.length >= maxDepth && child !== null && typeof child === 'object');
  return path && toPointer(path);
}
