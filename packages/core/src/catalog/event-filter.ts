import { isValidEventTypeName } from './event-type-name';

/** A parsed subscription filter: every type, every type under a prefix, or one type. */
export type EventFilter =
  | { kind: 'all' }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'exact'; type: string };

/** Parses `*`, `points.*` or `points.earned`; `undefined` when the pattern is malformed. */
export function parseEventFilter(pattern: string): EventFilter | undefined {
  if (pattern === '*') return { kind: 'all' };
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -2);
    return isValidEventTypeName(prefix) ? { kind: 'prefix', prefix } : undefined;
  }
  return isValidEventTypeName(pattern) ? { kind: 'exact', type: pattern } : undefined;
}

/** Whether a subscription filter selects an event type (`*`, `points.*` or an exact name). */
export function matchesEventFilter(pattern: string, type: string): boolean {
  const filter = parseEventFilter(pattern);
  // A malformed pattern or type matches nothing, so a bad filter can never leak events.
  if (filter === undefined || !isValidEventTypeName(type)) return false;
  switch (filter.kind) {
    case 'all':
      return true;
    case 'prefix':
      // The trailing dot keeps `points.*` from matching `points` itself or `pointsx.y`.
      return type.startsWith(`${filter.prefix}.`);
    case 'exact':
      return type === filter.type;
  }
}

/** Whether any of a subscription's filters selects the event type. */
export function matchesAnyFilter(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => matchesEventFilter(pattern, type));
}
