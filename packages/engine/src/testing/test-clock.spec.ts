import { TestClock, TEST_CLOCK_START } from './test-clock';
import { TestKitError } from './test-kit-error';

describe('TestClock', () => {
  it('starts at a fixed instant, so runs repeat exactly', () => {
    expect(new TestClock().now().getTime()).toBe(TEST_CLOCK_START);
    expect(new TestClock(new Date('2030-05-01T00:00:00Z')).now().toISOString()).toBe('2030-05-01T00:00:00.000Z');
  });

  it('stands still until told to move', () => {
    const clock = new TestClock(1_000);
    expect(clock.now().getTime()).toBe(1_000);
    expect(clock.now().getTime()).toBe(1_000);
  });

  it('advances by milliseconds and jumps to a Date or epoch milliseconds', () => {
    const clock = new TestClock(1_000);
    clock.advance(250);
    expect(clock.now().getTime()).toBe(1_250);
    clock.set(new Date(5_000));
    expect(clock.now().getTime()).toBe(5_000);
    clock.set(7_000);
    expect(clock.now().getTime()).toBe(7_000);
  });

  it('hands out a new Date each time, so a caller cannot move it by mutating one', () => {
    const clock = new TestClock(1_000);
    clock.now().setTime(99);
    expect(clock.now().getTime()).toBe(1_000);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses to advance by %p', (ms) => {
    expect(() => new TestClock().advance(ms)).toThrow(TestKitError);
  });

  it('refuses an instant that is not one', () => {
    expect(() => new TestClock().set(new Date('not a date'))).toThrow(/Date or epoch milliseconds/);
    expect(() => new TestClock(Number.NaN)).toThrow(TestKitError);
  });
});
