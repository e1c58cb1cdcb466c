import type { DeliveryErrorKind, DeliveryOutcome } from './delivery-outcome';
import { errorChain, errorMessage } from './error-chain';
import type { CappedBody } from './read-capped-body';
import { findUnsafeUrlError } from './unsafe-url-error';

/** A response as any HTTP client reports it: lower-case header names, values string or string[]. */
export interface ResponseHead {
  statusCode: number;
  headers: Record<string, unknown>;
}

export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name];
  if (Array.isArray(value)) return value.join(', ');
  return value === undefined || value === null ? undefined : String(value);
}

function failure(statusCode: number, location: string | undefined): { kind: DeliveryErrorKind; message: string } | undefined {
  if (statusCode >= 200 && statusCode < 300) return undefined;
  if (statusCode >= 300 && statusCode < 400) {
    const to = location ?? '(no Location header)';
    return { kind: 'redirect', message: `HTTP ${statusCode} redirect to ${to} not followed: update the subscription URL to the final one` };
  }
  return { kind: 'http-status', message: `HTTP ${statusCode}` };
}

export function responseOutcome(head: ResponseHead, body: CappedBody, durationMs: number): DeliveryOutcome {
  const error = failure(head.statusCode, headerValue(head.headers, 'location'));
  const retryAfter = headerValue(head.headers, 'retry-after');
  return {
    ok: error === undefined,
    statusCode: head.statusCode,
    durationMs,
    responseExcerpt: body.excerpt,
    responseTruncated: body.truncated,
    responseHeaders: head.headers,
    ...(retryAfter !== undefined && { retryAfter }),
    ...(error && { error }),
  };
}

// Clients wrap socket errors (AxiosError, undici's SocketError…); the errno code is what is stable.
function firstCode(error: unknown): string | undefined {
  for (const { code } of errorChain(error)) {
    if (typeof code === 'string' && code !== 'ERR_CANCELED') return code;
  }
  return undefined;
}

// A client's own connect timer firing before ours is still a timeout, not a network fault.
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export interface FailureContext {
  timedOut: boolean;
  timeoutMs: number;
  durationMs: number;
  /** Known when the timeout or a reset struck while the body was being read. */
  statusCode?: number;
}

/** Turns whatever an attempt threw into an outcome: delivery failures are data, not exceptions. */
export function failureOutcome(error: unknown, context: FailureContext): DeliveryOutcome {
  const unsafe = findUnsafeUrlError(error);
  const code = firstCode(error);
  let kind: DeliveryErrorKind = 'network';
  let message = errorMessage(error);
  if (unsafe) {
    kind = 'unsafe-url';
    message = unsafe.message;
  } else if (context.timedOut || (code !== undefined && TIMEOUT_CODES.has(code))) {
    kind = 'timeout';
    message = `No complete response within ${context.timeoutMs} ms`;
  }
  return {
    ok: false,
    ...(context.statusCode !== undefined && { statusCode: context.statusCode }),
    durationMs: context.durationMs,
    error: { kind, message, ...(unsafe ? { code: unsafe.code } : code !== undefined && { code }) },
  };
}
