import { HooklineError } from '@hookline/core';

/** Module options that cannot work; thrown at start-up so a misconfiguration never runs. */
export class WebhooksConfigError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_MODULE_OPTIONS';
}
