import { HooklineError, newId } from '@hookline/core';
import { API_KEY_SCOPES, type ApiKeyScope } from '../storage/api-key-scope';
import type { WebhookApiKeyEntity } from '../storage/webhook-api-key.entity';
import { displayPrefix, hashApiKey } from './api-key-material';

type InputError = new (message: string, options: { pointer: string }) => HooklineError;

/** The tenant and scope every key and portal session needs, checked the same way; `InputError` names the caller's error kind. */
export function checkKeyOwner(input: { tenant?: unknown; scope?: unknown } | undefined, InputError: InputError): { tenant: string; scope: ApiKeyScope } {
  const tenant = input?.tenant;
  if (typeof tenant !== 'string' || tenant.length === 0 || tenant.length > 128) {
    throw new InputError('tenant must be a non-empty string of at most 128 characters.', { pointer: '/tenant' });
  }
  if (!API_KEY_SCOPES.includes(input?.scope as ApiKeyScope)) {
    throw new InputError(`scope must be "read" or "write", got ${JSON.stringify(input?.scope)}.`, { pointer: '/scope' });
  }
  return { tenant, scope: input!.scope as ApiKeyScope };
}

/** The row stored for a new key: its hash and display prefix, never the key. */
export function newApiKeyRow(fields: { key: string; tenant: string; scope: ApiKeyScope; name: string | null; now: Date; expiresAt: Date | null }): WebhookApiKeyEntity {
  return {
    id: newId('apiKey', fields.now.getTime()),
    tenant: fields.tenant,
    scope: fields.scope,
    name: fields.name,
    keyHash: hashApiKey(fields.key),
    keyPrefix: displayPrefix(fields.key),
    revokedAt: null,
    expiresAt: fields.expiresAt,
    lastUsedAt: null,
    createdAt: fields.now,
  };
}
