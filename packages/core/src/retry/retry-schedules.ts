import type { RetryPolicyOptions } from './retry-policy-options';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Ready-made retry policies, each copied from a sender's published behaviour. Combine one
 * with your own settings by spreading it: `{ ...retrySchedules.mgpass, jitter: 0 }`.
 */
export const retrySchedules = {
  /**
   * Standard Webhooks' recommended schedule: first attempt immediately, then retries after
   * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h — about 27.5 hours over 8 attempts.
   */
  standard: { schedule: [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR] },
  /** Seed 004 (MGPass): immediately, then 1 s, 5 s and 25 s; failed after 4 attempts. */
  mgpass: { schedule: [1 * SECOND, 5 * SECOND, 25 * SECOND] },
  /** Seed 002 (Loyali): immediately, then 1 min, 5 min, 30 min and 2 h; failed after 5 attempts. */
  loyali: { schedule: [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR] },
  /**
   * Seed 000 (Mage Loyalty): "retried up to 3 times with exponential backoff", with no
   * delays given. We start at 1 min and multiply by 5 (1, 5, 25 min): the same ×5 shape as
   * seed 004, but in minutes, so the three retries span ~30 min and outlast a deploy or a
   * short outage instead of burning out within seconds.
   */
  mage: { exponential: { initialDelayMs: 1 * MINUTE, factor: 5, maxDelayMs: 25 * MINUTE, maxRetries: 3 } },
  /**
   * Seed 003 (LoyalPro): "exponential backoff for up to 72 hours". Doubling from 1 min
   * reaches the 12 h cap after ~17 h; capping keeps a few attempts spread over the last
   * two days rather than one lone retry near the deadline. 15 attempts in all.
   */
  loyalpro: { exponential: { initialDelayMs: 1 * MINUTE, factor: 2, maxDelayMs: 12 * HOUR, maxElapsedMs: 72 * HOUR } },
} as const satisfies Record<string, RetryPolicyOptions>;

/** Name of a preset in `retrySchedules`. */
export type RetrySchedulePreset = keyof typeof retrySchedules;
