// Segments stay lowercase ASCII so names are safe in URLs, headers, SQL and filter patterns
// alike, and so `points.*` can be matched with a plain prefix test.
const EVENT_TYPE_NAME = /^[a-z0-9_]+(?:\.[a-z0-9_]+)*$/;

/** True for names like `test`, `points.earned` or `rewards.points_awarded`. */
export function isValidEventTypeName(name: unknown): name is string {
  return typeof name === 'string' && EVENT_TYPE_NAME.test(name);
}
