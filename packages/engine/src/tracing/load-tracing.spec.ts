import { loadTracing } from './load-tracing';
import { NO_TRACING } from './tracing';

/** A `require` in whose node_modules `@opentelemetry/api` is missing. */
function withoutOpenTelemetry(): jest.Mock {
  return jest.fn((name: string) => {
    throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
  });
}

describe('loadTracing', () => {
  it('does no tracing under auto when @opentelemetry/api is not installed', () => {
    const load = withoutOpenTelemetry();
    expect(loadTracing('auto', load)).toBe(NO_TRACING);
    expect(load.mock.calls).toEqual([['@opentelemetry/api']]);
  });

  it("refuses tracing: 'opentelemetry' without the package, naming what to install", () => {
    expect(() => loadTracing('opentelemetry', withoutOpenTelemetry())).toThrow(
      expect.objectContaining({
        code: 'HOOKLINE_MISSING_DEPENDENCY',
        pointer: '/tracing',
        packages: ['@opentelemetry/api'],
        message: expect.stringContaining('Run: npm install @opentelemetry/api'),
      }),
    );
  });

  it('never loads the package when tracing is off', () => {
    const load = jest.fn();
    expect(loadTracing('off', load)).toBe(NO_TRACING);
    expect(load).not.toHaveBeenCalled();
  });

  it('traces through the API when it is installed', () => {
    expect(loadTracing('auto')).not.toBe(NO_TRACING);
    expect(loadTracing('opentelemetry')).not.toBe(NO_TRACING);
  });
});

describe('NO_TRACING', () => {
  it('stores only a context the publisher passed, and allocates no span per attempt', () => {
    const given = { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    expect(NO_TRACING.publishing({ type: 'points.earned', tenant: 'shop', traceContext: given }).context).toBe(given);
    expect(NO_TRACING.publishing({ type: 'points.earned', tenant: 'shop', traceContext: null }).context).toBeNull();
    const subject = { id: 'dlv_1', messageId: 'msg_1', subscriptionId: 'sub_1', tenant: 'shop', type: 'points.earned', attemptCount: 0, trace: null };
    expect(NO_TRACING.attempting(subject)).toBe(NO_TRACING.attempting({ ...subject, id: 'dlv_2' }));
  });
});
