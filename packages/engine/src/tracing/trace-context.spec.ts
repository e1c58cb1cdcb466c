import { normalizeTraceparent, normalizeTracestate } from './trace-context';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('normalizeTraceparent', () => {
  it('keeps a valid version-00 header as it is', () => {
    expect(normalizeTraceparent(TRACEPARENT)).toBe(TRACEPARENT);
    expect(normalizeTraceparent(` ${TRACEPARENT} `)).toBe(TRACEPARENT);
  });

  it('reads a later version by its first four fields and sends it as version 00', () => {
    expect(normalizeTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-comes-next')).toBe(TRACEPARENT);
  });

  it.each([
    ['an empty string', ''],
    ['upper-case hex', TRACEPARENT.toUpperCase()],
    ['an all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['an all-zero parent id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['version 00 with more fields', `${TRACEPARENT}-extra`],
    ['a short trace id', '00-4bf92f3577b34da6a3ce929d0e0e47-00f067aa0ba902b7-01'],
    ['header injection', `${TRACEPARENT}\r\nx-evil: 1`],
  ])('drops %s', (_, value) => {
    expect(normalizeTraceparent(value)).toBeNull();
  });
});

describe('normalizeTracestate', () => {
  it('keeps well-formed members, vendor keys included, without empty ones', () => {
    expect(normalizeTracestate('rojo=00f067aa0ba902b7, congo=t61rcWkgMzE,,tenant@vendor=x y')).toBe('rojo=00f067aa0ba902b7,congo=t61rcWkgMzE,tenant@vendor=x y');
  });

  it('drops a tracestate with a malformed member, and one with nothing in it', () => {
    expect(normalizeTracestate('rojo=1,Bad Key=2')).toBeUndefined();
    expect(normalizeTracestate('rojo=1\r\nx-evil: 1')).toBeUndefined();
    expect(normalizeTracestate(' , ')).toBeUndefined();
    expect(normalizeTracestate(undefined)).toBeUndefined();
  });

  it('cuts members from the end to 32 and 512 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => `k${i}=v`).join(',');
    expect(normalizeTracestate(many)!.split(',')).toHaveLength(32);
    const long = Array.from({ length: 5 }, (_, i) => `k${i}=${'v'.repeat(150)}`).join(',');
    const kept = normalizeTracestate(long)!;
    expect(kept.length).toBeLessThanOrEqual(512);
    expect(kept.split(',').map((member) => member.split('=')[0])).toEqual(['k0', 'k1', 'k2']);
  });
});
