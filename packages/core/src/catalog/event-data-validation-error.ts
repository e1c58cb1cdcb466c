import { HooklineError } from '../errors';
import type { EventDataIssue } from './event-data-issue';

// Enough to fix the first problems without turning a log line into a wall of text;
// `issues` always carries the full list.
const ISSUES_IN_MESSAGE = 5;

/** An event's `data` is not a JSON object or does not match its type's schema. */
export class EventDataValidationError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_EVENT_DATA';

  constructor(
    readonly eventType: string,
    /** Every problem found, not just the first. */
    readonly issues: readonly EventDataIssue[],
  ) {
    super(describe(eventType, issues), { pointer: issues[0]?.pointer ?? '/data' });
  }
}

function describe(eventType: string, issues: readonly EventDataIssue[]): string {
  const shown = issues.slice(0, ISSUES_IN_MESSAGE).map((issue) => `${issue.pointer} ${issue.message}`);
  const more = issues.length > ISSUES_IN_MESSAGE ? ` (and ${issues.length - ISSUES_IN_MESSAGE} more)` : '';
  return (
    `Invalid data for event type "${eventType}": ${shown.join('; ')}${more}. ` +
    `Send data that matches the schema registered for "${eventType}".`
  );
}
