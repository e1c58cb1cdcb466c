import type { SubscriptionView, SubscriptionWithSecret } from '@hookline/engine';
import { iso, resource, type ResourceObject } from '../documents/resource';
import { rateLimitAttributes, type RateLimitBody } from './rate-limit-body';

export interface SubscriptionAttributes {
  url: string;
  events: string[];
  channels: string[] | null;
  description: string | null;
  is_active: boolean;
  disabled_reason: string | null;
  profile: string | null;
  headers: Record<string, string> | null;
  rate_limit: RateLimitBody | null;
  secret?: string;
  created_at: string;
  updated_at: string;
}

/** A subscription resource; the secret is never part of it (see subscriptionWithSecretResource), header values only masked. */
export function subscriptionResource(view: SubscriptionView): ResourceObject<SubscriptionAttributes> {
  return resource('webhook_subscription', view.id, {
    url: view.url,
    events: view.events,
    channels: view.channels,
    description: view.description,
    is_active: view.isActive,
    disabled_reason: view.disabledReason,
    profile: view.profile,
    headers: view.headers,
    rate_limit: rateLimitAttributes(view.rateLimit),
    created_at: iso(view.createdAt),
    updated_at: iso(view.updatedAt),
  });
}

/** Only for the create and rotate-secret responses: the one time the secret is shown. */
export function subscriptionWithSecretResource(view: SubscriptionWithSecret): ResourceObject<SubscriptionAttributes> {
  const document = subscriptionResource(view);
  const { created_at, updated_at, ...rest } = document.attributes;
  return { ...document, attributes: { ...rest, secret: view.secret, created_at, updated_at } };
}
