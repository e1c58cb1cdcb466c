import { parseRetryAfter } from './parse-retry-after';

const now = new Date('2026-01-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds as milliseconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an IMF-fixdate relative to now', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:02:00 GMT', now)).toBe(120_000);
  });

  it('reads the obsolete RFC 850 and asctime forms as GMT', () => {
    expect(parseRetryAfter('Thursday, 01-Jan-26 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu Jan  1 12:00:30 2026', now)).toBe(30_000);
  });

  it('treats a date in the past as "retry now"', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 12:00:00 GMT', now)).toBe(0);
  });

  it.each(['', 'soon', '-5', '1.5', '10s', 'Thu, 99 Foo 2026', '12:00:00 GMT'])('ignores junk %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
