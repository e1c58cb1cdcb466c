import type { DeliveryOutcome } from '../delivery/delivery-outcome';

/** What to do after an attempt. */
export type RetryDecision =
  | { action: 'succeed' }
  /** `delayMs` already includes jitter and any honoured `Retry-After`. */
  | { action: 'retry'; delayMs: number; reason: string }
  /**
   * `gone` (HTTP 410): the receiver asked us to stop, the subscription should be disabled.
   * `blocked`: the SSRF guard refused the address. `rejected`: the policy's `retryIf` said no.
   */
  | { action: 'give-up'; reason: 'exhausted' | 'gone' | 'blocked' | 'rejected'; detail: string };

/** Everything `RetryPolicy.decide` needs about the delivery so far. */
export interface RetryDecisionInput {
  /** Attempts made so far, including the one that produced `outcome` (so at least 1). */
  attempts: number;
  outcome: DeliveryOutcome;
  /** When the first attempt started; lets `maxElapsedMs` count real time, not nominal delays. */
  firstAttemptAt?: Date;
  /** Reference for HTTP-date `Retry-After` and `maxElapsedMs`; defaults to the policy's clock. */
  now?: Date;
}
