import { appendPointer, type EventDataIssue } from './event-data-issue';

/**
 * Finds values in `data` that would not survive `JSON.stringify` unchanged. A receiver only
 * ever sees the JSON, so a `Date`, `undefined` or `NaN` that silently changes shape on the
 * wire is rejected at publish time instead.
 */
export function findNonJsonValues(data: unknown, pointer = '/data'): EventDataIssue[] {
  if (!isPlainObject(data)) {
    return [{ pointer, message: `must be a JSON object, got ${describeValue(data)}` }];
  }
  const issues: EventDataIssue[] = [];
  walk(data, pointer, new Set(), issues);
  return issues;
}

function walk(value: unknown, pointer: string, ancestors: Set<object>, issues: EventDataIssue[]): void {
  const problem = scalarProblem(value);
  if (problem !== undefined) {
    issues.push({ pointer, message: problem });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (ancestors.has(value)) {
    issues.push({ pointer, message: 'is a circular reference, which JSON cannot represent' });
    return;
  }
  if (!Array.isArray(value) && !isPlainObject(value)) {
    issues.push({ pointer, message: `is ${describeValue(value)}; convert it to a JSON value first` });
    return;
  }
  ancestors.add(value);
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  for (const [key, child] of entries) walk(child, appendPointer(pointer, key), ancestors, issues);
  ancestors.delete(value);
}

function scalarProblem(value: unknown): string | undefined {
  switch (typeof value) {
    case 'undefined':
      return 'is undefined, which JSON drops; omit the field or use null';
    case 'number':
      return Number.isFinite(value) ? undefined : `is ${value}, which JSON turns into null`;
    case 'bigint':
    case 'function':
    case 'symbol':
      return `is a ${typeof value}, which JSON cannot represent`;
    default:
      return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'non-plain object'} instance`;
  return `a ${typeof value}`;
}
