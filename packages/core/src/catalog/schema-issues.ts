import type { ErrorObject } from 'ajv';
import { appendPointer, type EventDataIssue } from './event-data-issue';

/** Turns ajv errors into issues that point at the offending field, e.g. `/data/customer_id`. */
export function issuesFromSchemaErrors(errors: readonly ErrorObject[], root = '/data'): EventDataIssue[] {
  const issues = errors.map((error) => toIssue(error, root));
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.pointer}\n${issue.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function toIssue(error: ErrorObject, root: string): EventDataIssue {
  const at = root + error.instancePath;
  // ajv reports a missing or forbidden property at its parent; point at the property itself
  // so the caller sees which field to add or remove.
  if (error.keyword === 'required') {
    return { pointer: appendPointer(at, String(error.params.missingProperty)), message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    return { pointer: appendPointer(at, String(error.params.additionalProperty)), message: 'is not allowed' };
  }
  const allowed = error.keyword === 'enum' ? `: ${JSON.stringify(error.params.allowedValues)}` : '';
  return { pointer: at, message: `${error.message ?? `fails "${error.keyword}"`}${allowed}` };
}
