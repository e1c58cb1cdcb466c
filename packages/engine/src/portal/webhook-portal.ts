import type { Clock } from '@hookline/core';
import { IsNull, Not, type DataSource, type Repository } from 'typeorm';
import { generateApiKey, PORTAL_TOKEN_PREFIX } from '../api-keys/api-key-material';
import { checkKeyOwner, newApiKeyRow } from '../api-keys/api-key-row';
import type { AuthenticatedApiKey } from '../api-keys/api-key-view';
import type { WebhookApiKeys } from '../api-keys/webhook-api-keys';
import { WebhookApiKeyEntity } from '../storage/webhook-api-key.entity';
import { InvalidPortalSessionError, PortalSessionNotFoundError } from './portal-errors';
import { PORTAL_TTL_SECONDS, type CreatedPortalSession, type CreatePortalSessionInput, type PortalSessionView } from './portal-session';
import { dashboardUrlProblem } from '../options/dashboard-url';
import { portalUrl } from './portal-url';

const SESSION_NAME = 'portal session';

/**
 * Embeddable portal sessions: a short-lived key of one tenant and scope, and the dashboard URL
 * signed in with it, so a host can put the dashboard in its own settings page (an iframe) for its
 * customer without handing out an API key. A session is a key row with an expiry, so it is hashed,
 * revocable and tenant-bound exactly as API keys are.
 */
export class WebhookPortal {
  private readonly repo: Repository<WebhookApiKeyEntity>;

  constructor(private readonly deps: { dataSource: DataSource; clock: Clock; apiKeys: WebhookApiKeys; dashboardUrl: string | null }) {
    this.repo = deps.dataSource.getRepository<WebhookApiKeyEntity>(WebhookApiKeyEntity.name);
  }

  /** Opens a session; the returned `token` and `url` are never shown again. */
  async createSession(input: CreatePortalSessionInput): Promise<CreatedPortalSession> {
    const { tenant, scope } = checkKeyOwner(input, InvalidPortalSessionError);
    const ttlSeconds = input.ttlSeconds ?? PORTAL_TTL_SECONDS.default;
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < PORTAL_TTL_SECONDS.min || ttlSeconds > PORTAL_TTL_SECONDS.max) {
      throw new InvalidPortalSessionError(
        `ttlSeconds must be a whole number of seconds from ${PORTAL_TTL_SECONDS.min} to ${PORTAL_TTL_SECONDS.max}, got ${String(ttlSeconds)}.`,
        { pointer: '/ttlSeconds' },
      );
    }
    const dashboardUrl = this.dashboardUrlFor(input.dashboardUrl);
    const token = generateApiKey(PORTAL_TOKEN_PREFIX);
    const now = this.deps.clock.now();
    const row = newApiKeyRow({ key: token, tenant, scope, name: SESSION_NAME, now, expiresAt: new Date(now.getTime() + ttlSeconds * 1000) });
    await this.repo.insert(row);
    return { ...sessionView(row), token, url: portalUrl(dashboardUrl, token) };
  }

  /** Ends a session at once; revoking twice keeps the first time. With `tenant`, another tenant's session is not found. */
  async revokeSession(id: string, scope: { tenant?: string } = {}): Promise<PortalSessionView> {
    const row = typeof id === 'string' ? await this.repo.findOneBy({ id, expiresAt: Not(IsNull()) }) : null;
    if (!row || (scope.tenant !== undefined && row.tenant !== scope.tenant)) {
      throw new PortalSessionNotFoundError(`No portal session ${String(id)} exists for this tenant.`, { pointer: '/id' });
    }
    return sessionView({ ...row, ...(await this.deps.apiKeys.revoke(row.id)) });
  }

  /** The tenant, scope and expiry of a presented portal token, or null when it is not one, or unknown, revoked or expired. */
  async authenticate(token: string): Promise<AuthenticatedApiKey | null> {
    if (typeof token !== 'string' || !token.startsWith(PORTAL_TOKEN_PREFIX)) return null;
    return this.deps.apiKeys.authenticate(token);
  }

  private dashboardUrlFor(given: string | undefined): string {
    const url = given ?? this.deps.dashboardUrl;
    if (url === null) {
      throw new InvalidPortalSessionError('Hookline does not know the dashboard\'s public URL: set the `portal: { dashboardUrl }` option, or pass `dashboardUrl`.', {
        pointer: '/dashboardUrl',
      });
    }
    const problem = dashboardUrlProblem(url);
    if (problem) throw new InvalidPortalSessionError(`dashboardUrl ${problem}`, { pointer: '/dashboardUrl' });
    return url;
  }
}

function sessionView(row: Pick<WebhookApiKeyEntity, 'id' | 'tenant' | 'scope' | 'expiresAt' | 'revokedAt' | 'createdAt'>): PortalSessionView {
  return { id: row.id, tenant: row.tenant, scope: row.scope, expiresAt: row.expiresAt!, revokedAt: row.revokedAt, createdAt: row.createdAt };
}
