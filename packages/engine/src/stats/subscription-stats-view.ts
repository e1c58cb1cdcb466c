import type { DeliveryStatus } from '../storage/webhook-delivery.entity';

/** The health figures a receiver's owner watches (seed 002): success, latency, retries. */
export interface SubscriptionStatsView {
  subscriptionId: string;
  since: Date;
  until: Date;
  /** Deliveries created in the window, by their status now. */
  deliveries: Record<DeliveryStatus, number> & { total: number };
  /** Attempts made in the window. */
  attempts: number;
  /** Of the window's deliveries that settled, the share delivered; null when none settled. */
  successRate: number | null;
  /** Of the deliveries attempted in the window, the share that needed more than one attempt. */
  retryRate: number | null;
  /** Attempt durations in the window (nearest rank); null when there were none. */
  latencyMs: { p50: number; p95: number } | null;
  /**
   * The endpoint's adaptive limit of attempts in flight per worker process, as a worker last
   * reported it (every few seconds while it changes); null until one has. Whole window only.
   */
  concurrencyLimit?: number | null;
  /**
   * While the subscription's rate limit holds deliveries back: when the last of them is due; null
   * when nothing waits for the limit. Whole window only.
   */
  rateLimitedUntil?: Date | null;
  /** The same figures per equal slice of the window, oldest first, when asked for. */
  series?: SubscriptionStatsView[];
}
