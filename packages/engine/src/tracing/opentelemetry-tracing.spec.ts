import * as api from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { openTelemetryTracing } from './opentelemetry-tracing';
import { NO_ATTEMPT_TRACE } from './tracing';

const GIVEN = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'rojo=00f067aa0ba902b7' };
const subject = { id: 'dlv_1', messageId: 'msg_1', subscriptionId: 'sub_1', tenant: 'shop', type: 'points.earned', attemptCount: 1 };

describe('openTelemetryTracing with an SDK registered', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracing = openTelemetryTracing(api);

  beforeAll(() => {
    api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    api.trace.setGlobalTracerProvider(provider);
  });
  afterEach(() => exporter.reset());
  afterAll(async () => {
    await provider.shutdown();
    api.trace.disable();
    api.context.disable();
  });

  it('makes the publish span a child of the active span and stores its own context', () => {
    const host = api.trace.getTracer('host').startSpan('checkout');
    const trace = api.context.with(api.trace.setSpan(api.context.active(), host), () => tracing.publishing({ type: 'points.earned', tenant: 'shop', traceContext: null }));
    trace.end({ messageId: 'msg_1', deliveryCount: 2, duplicate: false });
    const [publish] = exporter.getFinishedSpans();
    expect(publish.name).toBe('hookline publish');
    expect(publish.kind).toBe(api.SpanKind.PRODUCER);
    expect(publish.parentSpanContext?.spanId).toBe(host.spanContext().spanId);
    expect(trace.context).toEqual({ traceparent: `00-${host.spanContext().traceId}-${publish.spanContext().spanId}-01` });
    expect(publish.attributes).toMatchObject({ 'hookline.event_type': 'points.earned', 'hookline.tenant': 'shop', 'hookline.message.id': 'msg_1', 'hookline.message.delivery_count': 2 });
  });

  it('continues a given traceContext, tracestate included, over the active span', () => {
    const trace = tracing.publishing({ type: 'points.earned', tenant: 'shop', traceContext: GIVEN });
    trace.end({ error: new Error('database down') });
    const [publish] = exporter.getFinishedSpans();
    expect(publish.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(publish.parentSpanContext).toMatchObject({ spanId: '00f067aa0ba902b7', isRemote: true });
    expect(trace.context).toEqual({ traceparent: `00-4bf92f3577b34da6a3ce929d0e0e4736-${publish.spanContext().spanId}-01`, tracestate: GIVEN.tracestate });
    expect(publish.status).toEqual({ code: api.SpanStatusCode.ERROR, message: 'database down' });
  });

  it('makes each attempt a client span under the stored context, active while it sends, with the outcome', async () => {
    const trace = tracing.attempting({ ...subject, trace: GIVEN });
    const activeWhileSending = await trace.run(async (request: string) => `${request}:${api.trace.getActiveSpan()?.spanContext().spanId}`, 'req');
    trace.end({ statusCode: 500, outcome: 'http-status', error: 'HTTP 500', next: { status: 'pending' } });
    const [attempt] = exporter.getFinishedSpans();
    expect(activeWhileSending).toBe(`req:${attempt.spanContext().spanId}`);
    expect(attempt.name).toBe('hookline attempt');
    expect(attempt.kind).toBe(api.SpanKind.CLIENT);
    expect(attempt.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(attempt.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(attempt.attributes).toEqual({
      'hookline.delivery.id': 'dlv_1',
      'hookline.message.id': 'msg_1',
      'hookline.subscription.id': 'sub_1',
      'hookline.tenant': 'shop',
      'hookline.event_type': 'points.earned',
      'hookline.attempt.number': 2,
      'http.request.method': 'POST',
      'http.response.status_code': 500,
      'hookline.attempt.outcome': 'http-status',
      'hookline.delivery.status': 'pending',
    });
    expect(attempt.status).toEqual({ code: api.SpanStatusCode.ERROR, message: 'HTTP 500' });
  });

  it("starts an attempt of a message without context as a root span, not under the worker's active span", () => {
    const worker = api.trace.getTracer('host').startSpan('job');
    const trace = api.context.with(api.trace.setSpan(api.context.active(), worker), () => tracing.attempting({ ...subject, trace: null }));
    trace.end({ statusCode: 200, outcome: 'success', error: null, next: { status: 'delivered' } });
    const [attempt] = exporter.getFinishedSpans();
    expect(attempt.parentSpanContext).toBeUndefined();
    expect(attempt.status.code).toBe(api.SpanStatusCode.UNSET);
  });
});

describe('openTelemetryTracing with the API alone (no SDK registered)', () => {
  // Made after the suite above unregistered its SDK: a tracer keeps the provider it was made under.
  let tracing: ReturnType<typeof openTelemetryTracing>;
  beforeAll(() => (tracing = openTelemetryTracing(api)));

  it('stores no context when no span is active', () => {
    expect(tracing.publishing({ type: 'points.earned', tenant: 'shop', traceContext: null }).context).toBeNull();
  });

  it('stores a given traceContext as it is', () => {
    expect(tracing.publishing({ type: 'points.earned', tenant: 'shop', traceContext: GIVEN }).context).toEqual(GIVEN);
  });

  it('does no more work per attempt of a message without context than no tracing does', () => {
    expect(tracing.attempting({ ...subject, trace: null })).toBe(NO_ATTEMPT_TRACE);
  });
});
