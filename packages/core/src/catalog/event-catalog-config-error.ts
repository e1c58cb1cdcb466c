import { HooklineError } from '../errors';

/** An event type definition cannot be registered (bad name, duplicate, broken schema or example). */
export class EventCatalogConfigError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_EVENT_CATALOG';
}
