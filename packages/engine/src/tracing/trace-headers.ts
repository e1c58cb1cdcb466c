import type { TraceContext } from './trace-context';

/**
 * Adds a message's trace headers to an attempt's. They never take the place of a header already
 * set (signature, id, timestamp, content type, a profile's own): a profile that sets `traceparent`
 * itself keeps it, and then no `tracestate` is added to a parent it does not belong to.
 */
export function addTraceHeaders(headers: Record<string, string>, trace: TraceContext): void {
  const taken = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  if (taken.has('traceparent')) return;
  headers.traceparent = trace.traceparent;
  if (trace.tracestate !== undefined && !taken.has('tracestate')) headers.tracestate = trace.tracestate;
}
