import type { ApiKeyScope } from '../storage/api-key-scope';

/** The shortest and longest session createSession opens, and what it opens without `ttlSeconds`. */
export const PORTAL_TTL_SECONDS = { min: 60, max: 86_400, default: 900 } as const;

export interface CreatePortalSessionInput {
  /** The host's customer whose webhooks the portal shows; nothing of any other tenant is ever visible. */
  tenant: string;
  /** `read` shows everything and hides every action; `write` may also change subscriptions and resend. */
  scope: ApiKeyScope;
  /** How long the session works, 60 to 86400 seconds; default 900. */
  ttlSeconds?: number;
  /** The dashboard's public URL (e.g. `https://api.example.com/v1/dashboard`) when `portal.dashboardUrl` is not configured or differs. */
  dashboardUrl?: string;
}

/** A portal session as stored: never its token. */
export interface PortalSessionView {
  id: string;
  tenant: string;
  scope: ApiKeyScope;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
}

/** Returned by createSession only: the one time the token is shown. */
export interface CreatedPortalSession extends PortalSessionView {
  /** `hlp_…`: works as an API key of the tenant and scope until it expires or is revoked. */
  token: string;
  /** The dashboard signed in with the token, for an iframe. The token rides in the fragment, which no server, log or Referer sees. */
  url: string;
}
