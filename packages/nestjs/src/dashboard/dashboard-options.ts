import type { ResolvedApiOptions } from '../api/api-options';
import { WebhooksConfigError } from '@hookline/engine';

/**
 * The dashboard: a web page that manages subscriptions and reads the delivery log through the
 * REST API, with an API key the user pastes in or a portal session's token from the URL's
 * fragment (sent as the Authorization header, so a host `api.guard` sees it there). The page and its files are public; the data is not. A module
 * *extra* beside `api`, for the same reason: it decides which routes exist.
 *
 * ```ts
 * WebhooksModule.forRoot({ ... , api: { prefix: 'v1' }, dashboard: { path: 'admin/webhooks' } })
 * ```
 */
export interface WebhooksDashboardOptions {
  /** Serve the dashboard (default: whenever the API is mounted; it needs the API). */
  enabled?: boolean;
  /** Path of the page after the app's global prefix (default `{api prefix}/dashboard`, e.g. `v1/dashboard`). */
  path?: string;
  /**
   * Origins whose pages may show the dashboard in a frame, for portal sessions embedded in the
   * host's own settings page: e.g. `['https://app.example.com']` (`https://*.example.com` and
   * `'self'` work too). Default: none, so no page can frame it.
   */
  frameAncestors?: string[];
}

export interface ResolvedDashboardOptions {
  enabled: boolean;
  path: string;
  /** The CSP frame-ancestors sources; empty for 'none'. */
  frameAncestors: string[];
  /** The API's prefix, for the page to find the API under the same global prefix. */
  apiPrefix: string;
}

/** Defaults applied and checked once, when the module is defined. */
export function resolveDashboardOptions(dashboard: WebhooksDashboardOptions = {}, api: ResolvedApiOptions): ResolvedDashboardOptions {
  const enabled = dashboard.enabled ?? api.enabled;
  if (enabled && !api.enabled) {
    throw new WebhooksConfigError('The dashboard reads and changes everything through the REST API: enable `api` too, or leave `dashboard.enabled` out.', {
      pointer: '/dashboard/enabled',
    });
  }
  const path = (dashboard.path ?? [api.prefix, 'dashboard'].filter(Boolean).join('/')).replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(path)) {
    throw new WebhooksConfigError(`dashboard.path "${dashboard.path}" must be a URL path such as "v1/dashboard" or "admin/webhooks".`, {
      pointer: '/dashboard/path',
    });
  }
  return { enabled, path, frameAncestors: resolveFrameAncestors(dashboard.frameAncestors), apiPrefix: api.prefix };
}

// An origin (scheme, host, optional port; a leading "*." on the host), nothing a CSP could read as another directive or source.
const ORIGIN = /^https?:\/\/(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$/;

function resolveFrameAncestors(given: unknown): string[] {
  if (given === undefined) return [];
  if (!Array.isArray(given)) {
    throw new WebhooksConfigError('dashboard.frameAncestors must be a list of origins, such as ["https://app.example.com"].', { pointer: '/dashboard/frameAncestors' });
  }
  return given.map((origin: unknown, index) => {
    if (origin === "'self'" || (typeof origin === 'string' && ORIGIN.test(origin))) return origin;
    throw new WebhooksConfigError(
      `dashboard.frameAncestors[${index}] ${JSON.stringify(origin)} must be an origin such as "https://app.example.com" (scheme, host, optional port, no path) or "'self'".`,
      { pointer: `/dashboard/frameAncestors/${index}` },
    );
  });
}
