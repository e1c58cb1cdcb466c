import { EventLoopStalls, NO_STALLS } from './process-stalls';

const holdLoop = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy: no timer can run
  }
};
const clock = { now: () => new Date() };

describe('EventLoopStalls', () => {
  it('records the span a synchronous block held the event loop, and nothing outside it', async () => {
    const stalls = new EventLoopStalls(clock);
    stalls.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const before = Date.now();
    holdLoop(400);
    // Asked by the first code to run after the block, before the watcher's own tick.
    const held = stalls.within(before, Date.now());
    stalls.stop();
    expect(held).toBeGreaterThanOrEqual(300);
    expect(held).toBeLessThanOrEqual(Date.now() - before);
    expect(stalls.within(before - 60_000, before - 30_000)).toBe(0);
  });

  it('counts a stall made of many short synchronous steps, however often it is asked during it', async () => {
    const stalls = new EventLoopStalls(clock);
    stalls.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const before = Date.now();
    // A synchronous driver's publishes chained by already-resolved promises: no timer runs
    // between them, and each asks (as a publish's hold-back check does).
    for (let step = 0; step < 20; step++) {
      holdLoop(20);
      stalls.within(before, Date.now());
    }
    const held = stalls.within(before, Date.now());
    expect(held).toBeGreaterThanOrEqual(300);
    await new Promise((resolve) => setTimeout(resolve, 60)); // the tick comes and records it
    expect(stalls.within(before, Date.now())).toBeGreaterThanOrEqual(300);
    stalls.stop();
  });

  it('records nothing while stopped', () => {
    const stalls = new EventLoopStalls(clock);
    const before = Date.now();
    holdLoop(200);
    expect(stalls.within(before, Date.now())).toBe(0);
    expect(NO_STALLS.within(0, Date.now())).toBe(0);
  });
});
