import type * as OpenTelemetry from '@opentelemetry/api';
import { normalizeTracestate, type TraceContext } from './trace-context';
import { NO_ATTEMPT_TRACE, type AttemptResult, type AttemptSubject, type AttemptTrace, type PublishSubject, type PublishTrace, type Tracing } from './tracing';

export type OpenTelemetryApi = typeof OpenTelemetry;

/** Attribute names on Hookline's spans; the README lists them. */
export const SPAN_ATTRIBUTES = {
  eventType: 'hookline.event_type',
  tenant: 'hookline.tenant',
  messageId: 'hookline.message.id',
  deliveryCount: 'hookline.message.delivery_count',
  duplicate: 'hookline.message.duplicate',
  deliveryId: 'hookline.delivery.id',
  subscriptionId: 'hookline.subscription.id',
  attempt: 'hookline.attempt.number',
  outcome: 'hookline.attempt.outcome',
  deliveryStatus: 'hookline.delivery.status',
  httpMethod: 'http.request.method',
  httpStatus: 'http.response.status_code',
} as const;

/**
 * Spans through the host's OpenTelemetry: a producer span per published message, child of the
 * context active at publish (or of `traceContext`), whose context is stored; a client span per
 * attempt, child of that stored context, so a retry days later still joins the publish's trace.
 * With the API but no SDK registered, spans are the API's no-op ones and only a context that
 * was already active is stored.
 */
export function openTelemetryTracing(api: OpenTelemetryApi): Tracing {
  const tracer = api.trace.getTracer('@hookline/engine');

  function spanContextOf(trace: TraceContext): OpenTelemetry.SpanContext {
    const [, traceId, spanId, flags] = trace.traceparent.split('-');
    const traceState = trace.tracestate ? api.createTraceState(trace.tracestate) : undefined;
    return { traceId, spanId, traceFlags: parseInt(flags, 16), isRemote: true, traceState };
  }

  function traceContextOf(span: OpenTelemetry.Span): TraceContext | null {
    const context = span.spanContext();
    if (!api.isSpanContextValid(context)) return null;
    const traceparent = `00-${context.traceId}-${context.spanId}-${(context.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
    const tracestate = normalizeTracestate(context.traceState?.serialize() || undefined);
    return tracestate === undefined ? { traceparent } : { traceparent, tracestate };
  }

  function publishing(subject: PublishSubject): PublishTrace {
    const active = api.context.active();
    const parent = subject.traceContext ? api.trace.setSpanContext(active, spanContextOf(subject.traceContext)) : active;
    const span = tracer.startSpan('hookline publish', { kind: api.SpanKind.PRODUCER }, parent);
    if (span.isRecording()) span.setAttributes({ [SPAN_ATTRIBUTES.eventType]: subject.type, [SPAN_ATTRIBUTES.tenant]: subject.tenant });
    return {
      context: traceContextOf(span),
      end(result) {
        if (!span.isRecording()) return;
        if ('error' in result) {
          failed(span, result.error);
        } else {
          span.setAttributes({
            [SPAN_ATTRIBUTES.messageId]: result.messageId,
            [SPAN_ATTRIBUTES.deliveryCount]: result.deliveryCount,
            [SPAN_ATTRIBUTES.duplicate]: result.duplicate,
          });
        }
        span.end();
      },
    };
  }

  function attempting(subject: AttemptSubject): AttemptTrace {
    // The root, not whatever happens to be active in the worker: an attempt belongs to its message's trace only.
    const parent = subject.trace ? api.trace.setSpanContext(api.ROOT_CONTEXT, spanContextOf(subject.trace)) : api.ROOT_CONTEXT;
    const span = tracer.startSpan('hookline attempt', { kind: api.SpanKind.CLIENT }, parent);
    // The API without an SDK, for a message without context: nothing to record or propagate, so no more work per attempt.
    if (!api.isSpanContextValid(span.spanContext())) return NO_ATTEMPT_TRACE;
    if (span.isRecording()) {
      span.setAttributes({
        [SPAN_ATTRIBUTES.deliveryId]: subject.id,
        [SPAN_ATTRIBUTES.messageId]: subject.messageId,
        [SPAN_ATTRIBUTES.subscriptionId]: subject.subscriptionId,
        [SPAN_ATTRIBUTES.tenant]: subject.tenant,
        [SPAN_ATTRIBUTES.eventType]: subject.type,
        [SPAN_ATTRIBUTES.attempt]: subject.attemptCount + 1,
        [SPAN_ATTRIBUTES.httpMethod]: 'POST',
      });
    }
    const active = api.trace.setSpan(parent, span);
    return {
      run: (send, request) => api.context.with(active, send, undefined, request),
      end(result: AttemptResult) {
        if (!span.isRecording()) return;
        span.setAttributes({ [SPAN_ATTRIBUTES.outcome]: result.outcome, [SPAN_ATTRIBUTES.deliveryStatus]: result.next.status });
        if (result.statusCode !== null) span.setAttribute(SPAN_ATTRIBUTES.httpStatus, result.statusCode);
        if (result.outcome !== 'success') span.setStatus({ code: api.SpanStatusCode.ERROR, message: result.error ?? result.outcome });
        span.end();
      },
    };
  }

  function failed(span: OpenTelemetry.Span, error: unknown): void {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: api.SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }

  return { publishing, attempting };
}
