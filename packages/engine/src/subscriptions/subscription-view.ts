import type { WebhookSubscriptionEntity } from '../storage/webhook-subscription.entity';

/** A subscription as callers see it: never any secret. */
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
  createdAt: Date;
  updatedAt: Date;
}

/** Returned by create and rotate only: the one time the secret is shown. */
export interface SubscriptionWithSecret extends SubscriptionView {
  secret: string;
}

export function toSubscriptionView(row: WebhookSubscriptionEntity): SubscriptionView {
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
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
