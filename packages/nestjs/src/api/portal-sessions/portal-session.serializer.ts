import type { CreatedPortalSession, PortalSessionView } from '@hookline/engine';
import { iso, resource } from '../documents/resource';

/** A session as the API shows it; the token and URL only when just created. */
export function portalSessionResource(session: PortalSessionView | CreatedPortalSession) {
  const created = 'token' in session ? { token: session.token, url: session.url } : {};
  return resource('portal_session', session.id, {
    tenant: session.tenant,
    scope: session.scope,
    ...created,
    expires_at: iso(session.expiresAt),
    revoked_at: iso(session.revokedAt),
    created_at: iso(session.createdAt),
  });
}
