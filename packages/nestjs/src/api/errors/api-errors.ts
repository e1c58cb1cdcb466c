import { HooklineError } from '@hookline/core';

/** No credentials, or ones that are unknown or revoked. */
export class UnauthenticatedError extends HooklineError {
  readonly code = 'HOOKLINE_UNAUTHENTICATED';
}

/** A read-only key tried to change something. */
export class ReadOnlyKeyError extends HooklineError {
  readonly code = 'HOOKLINE_READ_ONLY_KEY';
}

/** A portal session tried to open or end a session: only API keys may, or a session could outlive its expiry. */
export class PortalSessionForbiddenError extends HooklineError {
  readonly code = 'HOOKLINE_PORTAL_SESSION_FORBIDDEN';
}

export class RateLimitedError extends HooklineError {
  readonly code = 'HOOKLINE_RATE_LIMITED';
}

export class RequestTooLargeError extends HooklineError {
  readonly code = 'HOOKLINE_REQUEST_TOO_LARGE';
}

/** A write sent as something other than JSON (a form post, plain text…). */
export class UnsupportedMediaTypeError extends HooklineError {
  readonly code = 'HOOKLINE_UNSUPPORTED_MEDIA_TYPE';
}

/** One problem with a request: in the body (`pointer`) or in a query parameter (`parameter`). */
export interface RequestIssue {
  code: string;
  detail: string;
  pointer?: string;
  parameter?: string;
}

/** A request that fails validation, with every problem found (one per field). */
export class InvalidRequestError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_REQUEST';

  constructor(readonly issues: RequestIssue[]) {
    super(issues.map((issue) => issue.detail).join(' '), { pointer: issues[0]?.pointer });
  }
}
