import type { Clock } from '@hookline/core';
import type { DataSource, Repository } from 'typeorm';
import type { ApiKeyScope } from '../storage/api-key-scope';
import { ApiKeyNotFoundError, InvalidApiKeyInputError } from './api-key-errors';
import { generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-material';
import { checkKeyOwner, newApiKeyRow } from './api-key-row';
import { toApiKeyView, type ApiKeyView, type AuthenticatedApiKey, type CreatedApiKey } from './api-key-view';
import { WebhookApiKeyEntity } from '../storage/webhook-api-key.entity';

export interface CreateApiKeyInput {
  tenant: string;
  scope: ApiKeyScope;
  name?: string | null;
}

// last_used_at is for people ("is this key still in use?"), not an audit log: one write a minute is plenty.
const LAST_USED_RESOLUTION_MS = 60_000;

/** REST API keys: each bound to one tenant and one scope, shown once, stored hashed. */
export class WebhookApiKeys {
  private readonly repo: Repository<WebhookApiKeyEntity>;

  constructor(private readonly deps: { dataSource: DataSource; clock: Clock }) {
    this.repo = deps.dataSource.getRepository<WebhookApiKeyEntity>(WebhookApiKeyEntity.name);
  }

  /** Creates a key; the returned `key` is never shown again. */
  async create(input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const { tenant, scope } = checkKeyOwner(input, InvalidApiKeyInputError);
    const name = input.name ?? null;
    if (name !== null && (typeof name !== 'string' || name.length > 128)) {
      throw new InvalidApiKeyInputError('name must be a string of at most 128 characters.', { pointer: '/name' });
    }
    const key = generateApiKey();
    const row = newApiKeyRow({ key, tenant, scope, name, now: this.deps.clock.now(), expiresAt: null });
    await this.repo.insert(row);
    return { ...toApiKeyView(row), key };
  }

  /** A tenant's keys, revoked ones included, oldest first. */
  async list(tenant: string): Promise<ApiKeyView[]> {
    const rows = await this.repo.find({ where: { tenant }, order: { id: 'ASC' } });
    return rows.map(toApiKeyView);
  }

  /** Revokes a key at once; revoking twice keeps the first time. */
  async revoke(id: string, scope: { tenant?: string } = {}): Promise<ApiKeyView> {
    const row = typeof id === 'string' ? await this.repo.findOneBy({ id }) : null;
    if (!row || (scope.tenant !== undefined && row.tenant !== scope.tenant)) {
      throw new ApiKeyNotFoundError(`No API key ${String(id)} exists for this tenant.`, { pointer: '/id' });
    }
    if (!row.revokedAt) {
      row.revokedAt = this.deps.clock.now();
      await this.repo.update({ id: row.id }, { revokedAt: row.revokedAt });
    }
    return toApiKeyView(row);
  }

  /** The tenant and scope of a presented key or portal token, or null when it is unknown, revoked or expired. */
  async authenticate(key: string): Promise<AuthenticatedApiKey | null> {
    if (typeof key !== 'string' || !looksLikeApiKey(key)) return null;
    const row = await this.repo.findOneBy({ keyHash: hashApiKey(key) });
    const now = this.deps.clock.now();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime())) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.repo.update({ id: row.id }, { lastUsedAt: now });
    }
    return { id: row.id, tenant: row.tenant, scope: row.scope, expiresAt: row.expiresAt };
  }
}
