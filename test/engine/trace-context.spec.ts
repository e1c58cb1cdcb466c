import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import * as api from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { DataSource } from 'typeorm';
import { Webhook } from 'standardwebhooks';
import { createHookline, HOOKLINE_ENTITIES, type Hookline, type HooklineOptions } from '@hookline/engine';
import { eventually, TestReceiver, type ReceivedRequest } from '../support/receiver';
import { mysqlDatabase, postgresDatabase, type TestDatabase } from '../support/test-databases';

const sqliteDatabase: TestDatabase = {
  name: 'SQLite',
  async createScope() {
    const dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [...HOOKLINE_ENTITIES], synchronize: true }).initialize();
    return { connection: { dataSource: { type: 'better-sqlite3' }, entities: 'HOOKLINE_ENTITIES' }, dataSource, drop: () => dataSource.destroy() };
  },
};

const GIVEN = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', tracestate: 'rojo=00f067aa0ba902b7' };
const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

function start(dataSource: DataSource, options: HooklineOptions = {}): Hookline {
  return createHookline(
    { encryptionKey: randomBytes(32).toString('base64'), delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'] }, retry: { schedule: [50], jitter: 0 }, ...options },
    { dataSource, logger: quiet },
  );
}

/** The receiver answers 500 to each delivery's first attempt and 200 after: every delivery has a first attempt and a retry. */
function failingOnce(receiver: TestReceiver): void {
  const seen = new Set<string>();
  receiver.respond = (request) => {
    const deliveryId = request.headers['webhook-id'] as string;
    if (seen.has(deliveryId)) return { status: 200 };
    seen.add(deliveryId);
    return { status: 500, body: 'down' };
  };
}

const onPath = (receiver: TestReceiver, path: string): ReceivedRequest[] => receiver.requests.filter((request) => request.path === path);

describe.each([sqliteDatabase, postgresDatabase, mysqlDatabase])('trace context on $name', (database) => {
  const receiver = new TestReceiver();
  let scope: Awaited<ReturnType<TestDatabase['createScope']>>;

  beforeAll(async () => {
    scope = await database.createScope();
    await receiver.start();
    failingOnce(receiver);
  });

  afterAll(async () => {
    await receiver.stop();
    await scope?.drop();
  });

  describe('with an OpenTelemetry SDK registered', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    let hookline: Hookline;

    beforeAll(async () => {
      api.context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
      api.trace.setGlobalTracerProvider(provider);
      hookline = start(scope.dataSource, { tracing: 'opentelemetry' });
      await hookline.start();
    });

    afterAll(async () => {
      await hookline?.stop();
      await provider.shutdown();
      api.trace.disable();
      api.context.disable();
    });

    const spansNamed = (name: string) => exporter.getFinishedSpans().filter((span) => span.name === name);
    const attemptsOf = (deliveryId: string): ReadableSpan[] => spansNamed('hookline attempt').filter((span) => span.attributes['hookline.delivery.id'] === deliveryId);

    it('sends the publish span’s traceparent on the first attempt and on the retry, under the host’s trace, signature intact', async () => {
      const subscription = await hookline.subscriptions.create({ tenant: 'otel', url: receiver.url('/otel'), events: ['points.earned'] });
      const host = api.trace.getTracer('host').startSpan('award points');
      const published = await api.context.with(api.trace.setSpan(api.context.active(), host), () =>
        hookline.publisher.publish('points.earned', { customer_id: 'c1', amount: 5 }, { tenant: 'otel' }),
      );
      host.end();
      await eventually(() => onPath(receiver, '/otel').length === 2);
      const [first, retry] = onPath(receiver, '/otel');
      const deliveryId = first.headers['webhook-id'] as string;
      await eventually(async () => (await hookline.deliveries.get(deliveryId, { tenant: 'otel' })).status === 'delivered');
      await eventually(() => attemptsOf(deliveryId).length === 2);

      const [publish] = spansNamed('hookline publish').filter((span) => span.attributes['hookline.message.id'] === published.messageId);
      expect(publish.parentSpanContext?.spanId).toBe(host.spanContext().spanId);
      expect(publish.spanContext().traceId).toBe(host.spanContext().traceId);
      const traceparent = `00-${publish.spanContext().traceId}-${publish.spanContext().spanId}-01`;
      for (const request of [first, retry]) {
        expect(request.headers.traceparent).toBe(traceparent);
        expect(request.headers.tracestate).toBeUndefined();
        // Beside the signature headers, not in their place: the request still verifies.
        expect(new Webhook(subscription.secret).verify(request.body, request.headers as Record<string, string>)).toMatchObject({ type: 'points.earned' });
        expect(request.headers['content-type']).toBe('application/json');
      }
      expect(retry.headers['webhook-id']).toBe(deliveryId);

      const attempts = attemptsOf(deliveryId).sort((a, b) => Number(a.attributes['hookline.attempt.number']) - Number(b.attributes['hookline.attempt.number']));
      expect(attempts.map((span) => [span.spanContext().traceId, span.parentSpanContext?.spanId])).toEqual([
        [publish.spanContext().traceId, publish.spanContext().spanId],
        [publish.spanContext().traceId, publish.spanContext().spanId],
      ]);
      expect(attempts.map((span) => span.attributes)).toEqual([
        expect.objectContaining({
          'hookline.delivery.id': deliveryId,
          'hookline.subscription.id': subscription.id,
          'hookline.message.id': published.messageId,
          'hookline.event_type': 'points.earned',
          'hookline.attempt.number': 1,
          'http.response.status_code': 500,
          'hookline.delivery.status': 'pending',
        }),
        expect.objectContaining({ 'hookline.delivery.id': deliveryId, 'hookline.attempt.number': 2, 'http.response.status_code': 200, 'hookline.delivery.status': 'delivered' }),
      ]);
      expect(attempts.map((span) => span.status.code)).toEqual([api.SpanStatusCode.ERROR, api.SpanStatusCode.UNSET]);
    });

    it('continues a traceContext passed to publish, tracestate included, on every attempt', async () => {
      await hookline.subscriptions.create({ tenant: 'otel-given', url: receiver.url('/otel-given'), events: ['points.earned'] });
      const published = await hookline.publisher.publish('points.earned', { customer_id: 'c2', amount: 5 }, { tenant: 'otel-given', traceContext: GIVEN });
      await eventually(() => onPath(receiver, '/otel-given').length === 2);
      const [publish] = spansNamed('hookline publish').filter((span) => span.attributes['hookline.message.id'] === published.messageId);
      expect(publish.parentSpanContext).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' });
      for (const request of onPath(receiver, '/otel-given')) {
        expect(request.headers.traceparent).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${publish.spanContext().spanId}-01`);
        expect(request.headers.tracestate).toBe(GIVEN.tracestate);
      }
    });
  });

  describe('without OpenTelemetry (tracing off: what a host without the package gets)', () => {
    let hookline: Hookline;

    beforeAll(async () => {
      hookline = start(scope.dataSource, { tracing: 'off' });
      await hookline.start();
    });

    afterAll(() => hookline?.stop());

    it('sends a traceContext passed to publish as it is, on the first attempt and on the retry', async () => {
      await hookline.subscriptions.create({ tenant: 'plain', url: receiver.url('/given'), events: ['points.earned'] });
      const published = await hookline.publisher.publish('points.earned', { customer_id: 'c3', amount: 5 }, { tenant: 'plain', traceContext: GIVEN });
      expect((await hookline.messages.get(published.messageId, { tenant: 'plain' })).traceContext).toEqual(GIVEN);
      await eventually(() => onPath(receiver, '/given').length === 2);
      expect(onPath(receiver, '/given').map((request) => [request.headers.traceparent, request.headers.tracestate])).toEqual([
        [GIVEN.traceparent, GIVEN.tracestate],
        [GIVEN.traceparent, GIVEN.tracestate],
      ]);
    });

    it('sends no trace headers for a message published without trace context, or with a malformed one', async () => {
      await hookline.subscriptions.create({ tenant: 'plain-none', url: receiver.url('/none'), events: ['points.earned'] });
      const published = await hookline.publisher.publish('points.earned', { customer_id: 'c4', amount: 5 }, { tenant: 'plain-none' });
      expect((await hookline.messages.get(published.messageId)).traceContext).toBeNull();
      await hookline.publisher.publish('points.earned', { customer_id: 'c5', amount: 5 }, { tenant: 'plain-none', traceContext: { traceparent: 'not-a-traceparent', tracestate: 'rojo=1' } });
      await eventually(() => onPath(receiver, '/none').length === 4);
      for (const request of onPath(receiver, '/none')) {
        expect(request.headers).not.toHaveProperty('traceparent');
        expect(request.headers).not.toHaveProperty('tracestate');
      }
    });

    it('refuses a traceContext of the wrong shape before storing anything', async () => {
      await expect(
        hookline.publisher.publish('points.earned', { customer_id: 'c6', amount: 5 }, { tenant: 'plain-none', traceContext: GIVEN.traceparent as never }),
      ).rejects.toMatchObject({ code: 'HOOKLINE_INVALID_PUBLISH_OPTIONS', pointer: '/traceContext' });
    });
  });
});
