import { newId, type Clock } from '@hookline/core';
import type { DataSource, Repository } from 'typeorm';
import { API_KEY_SCOPES, type ApiKeyScope } from '../storage/api-key-scope';
import { ApiKeyNotFoundError, InvalidApiKeyInputError } from './api-key-errors';
import { displayPrefix, generateApiKey, hashApiKey, looksLikeApiKey } from './api-key-material';
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
    const tenant = input?.tenant;
    if (typeof tenant !== 'string' || tenant.length === 0 || tenant.length > 128) {
      throw new InvalidApiKeyInputError('tenant must be a non-empty string of at most 128 characters.', { pointer: '/tenant' });
    }
    if (!API_KEY_SCOPES.includes(input.scope)) {
      throw new InvalidApiKeyInputError(`scope must be "read" or "write", got ${JSON.stringify(input.scope)}.`, { pointer: '/scope' });
    }
    const name = input.name ?? null;
    if (name !== null && (typeof name !== 'string' || name.length > 128)) {
      throw new InvalidApiKeyInputError('name must be a string of at most 128 characters.', { pointer: '/name' });
    }
    const key = generateApiKey();
    const now = this.deps.clock.now();
    const row = this.repo.create({
      id: newId('apiKey', now.getTime()),
      tenant,
      scope: input.scope,
      name,
      keyHash: hashApiKey(key),
      keyPrefix: displayPrefix(key),
      revokedAt: null,
      lastUsedAt: null,
      createdAt: now,
    });
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

  /** The tenant and scope of a presented key, or null when it is unknown or revoked. */
  async authenticate(key: string): Promise<AuthenticatedApiKey | null> {
    if (typeof key !== 'string' || !looksLikeApiKey(key)) return null;
    const row = await this.repo.findOneBy({ keyHash: hashApiKey(key) });
    if (!row || row.revokedAt) return null;
    const now = this.deps.clock.now();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.repo.update({ id: row.id }, { lastUsedAt: now });
    }
    return { id: row.id, tenant: row.tenant, scope: row.scope };
  }
}
