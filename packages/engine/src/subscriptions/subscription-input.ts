import type { RateLimit } from '../rate-limits/rate-limit';

export interface CreateSubscriptionInput {
  tenant: string;
  url: string;
  events: string[];
  description?: string | null;
  channels?: string[] | null;
  profile?: string | null;
  /**
   * Sent with every attempt, e.g. `{ 'X-Api-Key': '…' }`; stored encrypted, shown masked. Names
   * the profile sets itself (signature, id, timestamp, content type, user agent) are refused.
   */
  headers?: Record<string, string> | null;
  /**
   * At most this many attempts per second and/or per minute across every worker process;
   * deliveries over it wait for a token without spending an attempt. Null or omitted: no limit.
   */
  rateLimit?: RateLimit | null;
}

/** Fields left out stay; `headers` replaces the whole map, `null` removes them all; `rateLimit` replaces the limit, `null` removes it. */
export type UpdateSubscriptionInput = Partial<Pick<CreateSubscriptionInput, 'url' | 'events' | 'description' | 'channels' | 'profile' | 'headers' | 'rateLimit'>> & {
  isActive?: boolean;
};

/** Scopes a call to one tenant: another tenant's subscription is then "not found". */
export interface TenantScope {
  tenant?: string;
}

export interface ListSubscriptionsInput {
  tenant: string;
  /** The last id of the previous page. */
  cursor?: string;
  limit?: number;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
