import type { SubscriptionStatsView } from '@hookline/engine';
import { iso, resource } from '../documents/resource';

/** The window's figures and, when asked for, the same figures per bucket for a chart. */
export function statsResource(view: SubscriptionStatsView, window: string) {
  return resource('webhook_subscription_stats', view.subscriptionId, {
    window,
    ...statsFigures(view),
    concurrency_limit: view.concurrencyLimit ?? null,
    rate_limited_until: view.rateLimitedUntil ? iso(view.rateLimitedUntil) : null,
    ...(view.series ? { series: view.series.map(statsFigures) } : {}),
  });
}

function statsFigures(view: SubscriptionStatsView) {
  return {
    since: iso(view.since),
    until: iso(view.until),
    deliveries: view.deliveries,
    attempts: view.attempts,
    success_rate: view.successRate,
    retry_rate: view.retryRate,
    latency_ms: view.latencyMs,
  };
}
