import type { ApiKeyScope } from '../storage/api-key-scope';
import type { WebhookApiKeyEntity } from '../storage/webhook-api-key.entity';

/** An API key as listed: never the key itself. */
export interface ApiKeyView {
  id: string;
  tenant: string;
  scope: ApiKeyScope;
  name: string | null;
  keyPrefix: string;
  revokedAt: Date | null;
  /** Portal sessions only; API keys never expire. */
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

/** Returned by create only: the one time the key is shown. */
export interface CreatedApiKey extends ApiKeyView {
  key: string;
}

/** Who a valid key belongs to and what it may do. */
export interface AuthenticatedApiKey {
  id: string;
  tenant: string;
  scope: ApiKeyScope;
  /** When a portal session stops working; null for an API key. */
  expiresAt: Date | null;
}

export function toApiKeyView(row: WebhookApiKeyEntity): ApiKeyView {
  return {
    id: row.id,
    tenant: row.tenant,
    scope: row.scope,
    name: row.name,
    keyPrefix: row.keyPrefix,
    revokedAt: row.revokedAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    createdAt: row.createdAt,
  };
}
