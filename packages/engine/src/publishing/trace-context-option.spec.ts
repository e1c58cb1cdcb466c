import { readTraceContextOption } from './trace-context-option';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('readTraceContextOption', () => {
  it('returns the normalized context, or null when none is given', () => {
    expect(readTraceContextOption({ traceparent: TRACEPARENT, tracestate: 'rojo=1' }, '/traceContext')).toEqual({ traceparent: TRACEPARENT, tracestate: 'rojo=1' });
    expect(readTraceContextOption({ traceparent: TRACEPARENT }, '/traceContext')).toEqual({ traceparent: TRACEPARENT });
    expect(readTraceContextOption(undefined, '/traceContext')).toBeNull();
  });

  it('drops a malformed traceparent together with its tracestate, as a W3C receiver would', () => {
    expect(readTraceContextOption({ traceparent: 'garbage', tracestate: 'rojo=1' }, '/traceContext')).toBeNull();
  });

  it('keeps the traceparent when only the tracestate is malformed', () => {
    expect(readTraceContextOption({ traceparent: TRACEPARENT, tracestate: '=' }, '/traceContext')).toEqual({ traceparent: TRACEPARENT });
  });

  it.each([['a string', TRACEPARENT], ['no traceparent', {}], ['a number tracestate', { traceparent: TRACEPARENT, tracestate: 7 }]])(
    'refuses %s with InvalidPublishOptionsError at the pointer',
    (_, value) => {
      expect(() => readTraceContextOption(value, '/2/traceContext')).toThrow(
        expect.objectContaining({ code: 'HOOKLINE_INVALID_PUBLISH_OPTIONS', pointer: '/2/traceContext' }),
      );
    },
  );
});
