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
}

/** Fields left out stay; `headers` replaces the whole map, `null` removes them all. */
export type UpdateSubscriptionInput = Partial<Pick<CreateSubscriptionInput, 'url' | 'events' | 'description' | 'channels' | 'profile' | 'headers'>> & {
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
