import type { EndpointConcurrency } from '../options/endpoint-concurrency';

export type { EndpointConcurrency };

/**
 * What an attempt says about the endpoint's capacity: `ok` (it answered), `overload` (429, 502,
 * 503, 504 or a timeout: it asks for less), `failure` (another 5xx or a network error) or
 * `neutral` (an answer about the request, not the endpoint: 4xx, redirect, blocked).
 */
export type LimitSignal = 'ok' | 'overload' | 'failure' | 'neutral';

/** Short-term latency may exceed the long-term average by this factor before the limit shrinks. */
const TOLERANCE = 1.5;
/** Share of each sample in the new limit (Gradient2's smoothing). */
const SMOOTHING = 0.2;
/** Samples the long-term latency average spans. */
const LONG_WINDOW = 100;
/** An endpoint this slow per attempt is not granted more than `initial`: it holds sockets, not throughput. */
export const SLOW_ATTEMPT_MS = 1_000;
/** Concurrent failures of one moment shrink the limit once, not once each. */
const DECREASE_COOLDOWN_MS = 100;
const OVERLOAD_BACKOFF = 0.5;
const FAILURE_BACKOFF = 0.9;

/**
 * A per-endpoint concurrency limit that the endpoint earns, after the gradient limiters of
 * Netflix's concurrency-limits (Gradient2) and Envoy's adaptive concurrency: while the latency
 * of each answer stays within `TOLERANCE` of the endpoint's own long-term average the limit grows
 * by about √limit per round, so a fast endpoint reaches its ceiling within a few dozen answers;
 * rising latency pulls it down in proportion; 429/503 and timeouts halve it, other failures trim
 * it by a tenth (the multiplicative decrease of AIMD). It only grows while it is being used.
 */
export class ConcurrencyLimiter {
  private estimate: number;
  private longRttMs?: number;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly bounds: EndpointConcurrency) {
    this.estimate = bounds.initial;
  }

  get limit(): number {
    return Math.floor(this.clamp(this.estimate));
  }

  /** Feeds one finished attempt: its duration, what it said, and how many were in flight with it. */
  onSample(sample: { durationMs: number; signal: LimitSignal; inFlight: number; now: number }): void {
    const { durationMs, signal, inFlight, now } = sample;
    if (signal === 'neutral') return;
    if (signal !== 'ok') {
      if (now - this.lastDecreaseAt < DECREASE_COOLDOWN_MS) return;
      this.lastDecreaseAt = now;
      this.estimate = this.clamp(this.estimate * (signal === 'overload' ? OVERLOAD_BACKOFF : FAILURE_BACKOFF));
      return;
    }
    const rtt = Math.max(1, durationMs);
    this.longRttMs = this.longRttMs === undefined ? rtt : this.longRttMs + (rtt - this.longRttMs) / LONG_WINDOW;
    // Recovering from a slow spell: let the long-term figure follow the faster answers quickly.
    if (this.longRttMs > 2 * rtt) this.longRttMs = (this.longRttMs + rtt) / 2;
    // An endpoint with room to spare proves nothing about a higher limit.
    if (inFlight < this.estimate / 2) return;
    const gradient = Math.max(0.5, Math.min(1, (TOLERANCE * this.longRttMs) / rtt));
    let target = this.estimate * gradient + Math.sqrt(this.estimate);
    if (rtt >= SLOW_ATTEMPT_MS) target = Math.min(target, Math.max(this.estimate, this.bounds.initial));
    this.estimate = this.clamp(this.estimate * (1 - SMOOTHING) + target * SMOOTHING);
  }

  /** Starts again from the bottom, e.g. when a circuit closes: the backlog resumes gently. */
  reset(): void {
    this.estimate = this.bounds.min;
    this.longRttMs = undefined;
  }

  private clamp(value: number): number {
    return Math.max(this.bounds.min, Math.min(this.bounds.max, value));
  }
}
