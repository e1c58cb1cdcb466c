import type { WebhookSubscriptionEntity } from '../storage/webhook-subscription.entity';
import { maskHeaderValues } from '../secrets/mask-header-values';
import { rateLimitOf, type RateLimit } from '../rate-limits/rate-limit';

/** A subscription as callers see it: never any secret, its own headers' values masked. */
export interface SubscriptionView {
  id: string;
  tenant: string;
  url: string;
  events: string[];
  channels: string[] | null;
  description: string | null;
  isActive: boolean;
  disabledReason: string | null;
  profile: string | null;
  /** The subscription's own headers, each value masked (`••••` or, from 16 characters on, `••••` and the last four); null when none. */
  headers: Record<string, string> | null;
  /** At most this many attempts per second and/or minute across every worker process; null: no limit. */
  rateLimit: RateLimit | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Returned by create and rotate only: the one time the secret is shown. */
export interface SubscriptionWithSecret extends SubscriptionView {
  secret: string;
}

/** `headers` are the row's own headers opened; only their names and masked values reach the view. */
export function toSubscriptionView(row: WebhookSubscriptionEntity, headers: Readonly<Record<string, string>> | null): SubscriptionView {
  return {
    id: row.id,
    tenant: row.tenant,
    url: row.url,
    events: row.events,
    channels: row.channels,
    description: row.description,
    isActive: row.isActive,
    disabledReason: row.disabledReason,
    profile: row.profile,
    headers: headers && maskHeaderValues(headers),
    rateLimit: rateLimitOf(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
