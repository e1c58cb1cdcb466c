import { addTraceHeaders } from './trace-headers';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('addTraceHeaders', () => {
  it('adds traceparent and tracestate beside the headers already set', () => {
    const headers = { 'content-type': 'application/json', 'webhook-id': 'dlv_1', 'webhook-signature': 'v1,abc' };
    addTraceHeaders(headers, { traceparent: TRACEPARENT, tracestate: 'rojo=1' });
    expect(headers).toEqual({ 'content-type': 'application/json', 'webhook-id': 'dlv_1', 'webhook-signature': 'v1,abc', traceparent: TRACEPARENT, tracestate: 'rojo=1' });
  });

  it('adds no tracestate when the context has none', () => {
    const headers: Record<string, string> = {};
    addTraceHeaders(headers, { traceparent: TRACEPARENT });
    expect(headers).toEqual({ traceparent: TRACEPARENT });
  });

  it('never replaces a traceparent the profile set, in any case, nor pairs it with another tracestate', () => {
    const headers: Record<string, string> = { TraceParent: 'static' };
    addTraceHeaders(headers, { traceparent: TRACEPARENT, tracestate: 'rojo=1' });
    expect(headers).toEqual({ TraceParent: 'static' });
  });
});
