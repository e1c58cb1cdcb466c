import { HooklineError } from '@hookline/core';

/** createSession was given something it cannot use: no tenant, an unknown scope, a ttl out of range, no dashboard URL. */
export class InvalidPortalSessionError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_PORTAL_SESSION';
}

export class PortalSessionNotFoundError extends HooklineError {
  readonly code = 'HOOKLINE_PORTAL_SESSION_NOT_FOUND';
}
