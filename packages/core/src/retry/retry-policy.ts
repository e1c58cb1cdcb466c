import { type Clock, systemClock } from '../clock';
import type { DeliveryOutcome } from '../delivery/delivery-outcome';
import { parseRetryAfter } from './parse-retry-after';
import type { RetryDecision, RetryDecisionInput } from './retry-decision';
import { exponentialDelay, exponentialDelays } from './exponential-backoff';
import {
  DEFAULT_JITTER,
  DEFAULT_MAX_RETRY_AFTER_MS,
  type ExponentialBackoffOptions,
  type RetryPolicyOptions,
} from './retry-policy-options';
import { retrySchedules } from './retry-schedules';
import { validateRetryPolicyOptions } from './validate-retry-policy-options';

const HTTP_GONE = 410;

/** Decides, from the attempts made so far and the last outcome, whether and when to try a delivery again. */
export class RetryPolicy {
  /** Total attempts including the first, or `undefined` when only elapsed time bounds them. */
  readonly maxAttempts: number | undefined;

  private readonly exponential?: ExponentialBackoffOptions;
  private readonly nominalDelays: readonly number[];
  private readonly jitter: number;
  private readonly maxRetryAfterMs: number;
  private readonly random: () => number;
  private readonly clock: Clock;
  private readonly retryIf?: (outcome: DeliveryOutcome) => boolean;

  /** @throws RetryPolicyConfigError when the options cannot work. */
  constructor(options: RetryPolicyOptions = {}) {
    validateRetryPolicyOptions(options);
    if (options.exponential) {
      // Copied so that mutating the caller's options later cannot change a live policy.
      this.exponential = { ...options.exponential };
      this.nominalDelays = exponentialDelays(this.exponential);
      this.maxAttempts = this.exponential.maxRetries === undefined ? undefined : this.exponential.maxRetries + 1;
    } else {
      this.nominalDelays = [...(options.schedule ?? retrySchedules.standard.schedule)];
      this.maxAttempts = this.nominalDelays.length + 1;
    }
    this.jitter = options.jitter ?? DEFAULT_JITTER;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? systemClock;
    this.retryIf = options.retryIf;
  }

  /** Succeed, retry after `delayMs`, or give up, given the outcome of attempt number `attempts`. */
  decide({ attempts, outcome, firstAttemptAt, now = this.clock.now() }: RetryDecisionInput): RetryDecision {
    if (!Number.isInteger(attempts) || attempts < 1) {
      throw new RangeError(`attempts counts the attempts already made, so it must be an integer >= 1, got ${attempts}`);
    }
    if (outcome.ok) return { action: 'succeed' };
    const failure = describeFailure(outcome);
    if (outcome.statusCode === HTTP_GONE) {
      return { action: 'give-up', reason: 'gone', detail: `${failure}: the receiver asked to stop; disable the subscription` };
    }
    // The guard found the name pointing at a forbidden address: another try would only be refused again.
    if (outcome.error?.kind === 'unsafe-url') {
      return { action: 'give-up', reason: 'blocked', detail: `${failure}; not retried: the SSRF guard refuses this address` };
    }
    if (this.retryIf && !this.retryIf(outcome)) {
      return { action: 'give-up', reason: 'rejected', detail: `${failure}; not retried: retryIf made this outcome final` };
    }

    const retry = attempts; // the 1-based number of the retry we would schedule next
    // Past the nominal list an exponential policy may still retry, when real time (firstAttemptAt) allows it.
    const scheduled = this.exponential ? exponentialDelay(this.exponential, retry - 1) : this.nominalDelays[retry - 1];
    if (scheduled === undefined) return this.exhausted(failure, attempts);

    const jittered = this.applyJitter(scheduled);
    const retryAfterMs = this.retryAfterMs(outcome, now);
    const byRetryAfter = retryAfterMs !== undefined && retryAfterMs > jittered;
    const delayMs = byRetryAfter ? retryAfterMs : jittered;

    if (this.exponential?.maxElapsedMs !== undefined) {
      // Without the real start time, fall back to the nominal sequence so decide() agrees with delays().
      const overdue = firstAttemptAt
        ? now.getTime() - firstAttemptAt.getTime() + delayMs > this.exponential.maxElapsedMs
        : retry > this.nominalDelays.length;
      if (overdue) return this.exhausted(failure, attempts);
    }
    const of = this.maxAttempts === undefined ? '' : ` of ${this.maxAttempts - 1}`;
    const source = byRetryAfter ? 'as Retry-After asks' : 'as scheduled';
    return { action: 'retry', delayMs, reason: `${failure}; retry ${retry}${of} ${source}` };
  }

  /** Nominal delay before each retry, without jitter or Retry-After, for docs and dashboards. */
  delays(): number[] {
    return [...this.nominalDelays];
  }

  private applyJitter(delayMs: number): number {
    if (this.jitter === 0 || delayMs === 0) return delayMs;
    return Math.round(delayMs * (1 - this.jitter + 2 * this.jitter * this.random()));
  }

  /**
   * How long the response's `Retry-After` (seconds or HTTP date, on any status) asks to wait,
   * capped at `maxRetryAfterMs`; `undefined` without a usable header. The worker paces the
   * endpoint by it too.
   */
  retryAfterMs(outcome: DeliveryOutcome, now: Date = this.clock.now()): number | undefined {
    if (outcome.retryAfter === undefined) return undefined;
    const requested = parseRetryAfter(outcome.retryAfter, now);
    return requested === undefined ? undefined : Math.min(requested, this.maxRetryAfterMs);
  }

  private exhausted(failure: string, attempts: number): RetryDecision {
    return {
      action: 'give-up',
      reason: 'exhausted',
      detail: `${failure}; no retries left after ${attempts} attempt${attempts === 1 ? '' : 's'}`,
    };
  }
}

function describeFailure(outcome: DeliveryOutcome): string {
  if (outcome.statusCode !== undefined) return `HTTP ${outcome.statusCode}`;
  if (outcome.error) return `${outcome.error.kind}: ${outcome.error.message}`;
  return 'failed attempt';
}
