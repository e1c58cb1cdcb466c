import { resolveDeliveryOptions } from '@hookline/core';
import { RecordingTransport } from './recording-transport';
import { TestClock } from './test-clock';

const options = resolveDeliveryOptions({ timeoutMs: 2_000 });
const request = (url = 'https://a.example/hooks', body = '{"type":"points.earned"}') => ({ url, headers: { 'webhook-id': 'dlv_1' }, body });

describe('RecordingTransport', () => {
  it('records the request as it would go on the wire, at the clock time, and answers 200', async () => {
    const clock = new TestClock(Date.UTC(2026, 0, 1));
    const recorder = new RecordingTransport(clock);
    const outcome = await recorder.send(request(), options);
    expect(outcome).toMatchObject({ ok: true, statusCode: 200 });
    expect(recorder.requests).toEqual([
      {
        url: 'https://a.example/hooks',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Hookline-Webhooks/1.0', 'webhook-id': 'dlv_1' },
        body: '{"type":"points.earned"}',
        at: new Date(Date.UTC(2026, 0, 1)),
        answer: 200,
      },
    ]);
  });

  it('answers per URL, falling back to the default responder', async () => {
    const recorder = new RecordingTransport().respond(202).respondTo('https://b.example/hooks', { status: 500, body: 'boom' });
    expect(await recorder.send(request('https://a.example/hooks'), options)).toMatchObject({ ok: true, statusCode: 202 });
    expect(await recorder.send(request('https://b.example/hooks'), options)).toMatchObject({
      ok: false,
      statusCode: 500,
      responseExcerpt: 'boom',
      error: { kind: 'http-status' },
    });
    expect(recorder.requestsTo('https://b.example/hooks').map((r) => r.answer)).toEqual([500]);
  });

  it('lets a function answer from the request: fail the first try, then succeed', async () => {
    let tries = 0;
    const recorder = new RecordingTransport().respond(() => (++tries === 1 ? 503 : 200));
    expect((await recorder.send(request(), options)).statusCode).toBe(503);
    expect((await recorder.send(request(), options)).statusCode).toBe(200);
  });

  it('passes response headers on, so Retry-After reaches the retry policy', async () => {
    const recorder = new RecordingTransport().respond({ status: 429, headers: { 'Retry-After': '30' } });
    expect(await recorder.send(request(), options)).toMatchObject({ statusCode: 429, retryAfter: '30' });
  });

  it('simulates a timeout and a refused connection as the real transports report them, without waiting', async () => {
    const recorder = new RecordingTransport().respondTo('https://slow.example/', { fail: 'timeout' }).respondTo('https://down.example/', { fail: 'network-error' });
    expect(await recorder.send(request('https://slow.example/'), options)).toMatchObject({ ok: false, error: { kind: 'timeout', message: 'No complete response within 2000 ms' } });
    expect(await recorder.send(request('https://down.example/'), options)).toMatchObject({ ok: false, error: { kind: 'network', code: 'ECONNREFUSED' } });
    expect(recorder.requests.map((r) => r.answer)).toEqual(['timeout', 'network-error']);
  });

  it('keeps the URL guard: a URL production would refuse is refused, and never recorded', async () => {
    const recorder = new RecordingTransport();
    expect(await recorder.send(request('http://a.example/hooks'), options)).toMatchObject({ ok: false, error: { kind: 'unsafe-url' } });
    expect(recorder.requests).toHaveLength(0);
  });

  it('refuses a scripted answer that is no answer, naming what it takes', () => {
    expect(() => new RecordingTransport().respond(42)).toThrow(/status code \(100-599\)/);
    expect(() => new RecordingTransport().respond({ fail: 'lost' } as never)).toThrow(/timeout/);
  });

  it('forgets requests and responders on reset()', async () => {
    const recorder = new RecordingTransport().respond(500);
    await recorder.send(request(), options);
    recorder.reset();
    expect(recorder.requests).toHaveLength(0);
    expect((await recorder.send(request(), options)).statusCode).toBe(200);
  });
});
