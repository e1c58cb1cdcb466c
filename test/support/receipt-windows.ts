/** The most of `times` (ms) in any half-open window of `windowMs`: what a rate limit bounds. */
export function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (sorted[i] - sorted[j] >= windowMs) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** Receipts per second from the first to the last (the first second's burst included). */
export function measuredRate(times: number[]): number {
  if (times.length < 2) return 0;
  return ((times.length - 1) * 1000) / (Math.max(...times) - Math.min(...times));
}
