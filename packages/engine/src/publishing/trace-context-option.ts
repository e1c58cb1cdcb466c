import { normalizeTraceparent, normalizeTracestate, type TraceContext } from '../tracing/trace-context';
import { InvalidPublishOptionsError } from './publish-errors';

/**
 * Reads publish's `traceContext` option. A value of the wrong shape is a bug in the caller and
 * refused; a well-shaped but malformed header (often forwarded from an incoming request) is dropped.
 */
export function readTraceContextOption(value: unknown, pointer: string): TraceContext | null {
  if (value === undefined || value === null) return null;
  const given = value as Partial<Record<keyof TraceContext, unknown>>;
  if (typeof value !== 'object' || typeof given.traceparent !== 'string' || (given.tracestate !== undefined && typeof given.tracestate !== 'string')) {
    throw new InvalidPublishOptionsError('`traceContext` must be `{ traceparent: string, tracestate?: string }`, the W3C trace headers.', { pointer });
  }
  const traceparent = normalizeTraceparent(given.traceparent);
  if (!traceparent) return null;
  const tracestate = normalizeTracestate(given.tracestate as string | undefined);
  return tracestate === undefined ? { traceparent } : { traceparent, tracestate };
}
