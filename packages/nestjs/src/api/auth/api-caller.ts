import type { ApiKeyScope } from '@hookline/engine';

/** Who is calling the REST API: the tenant whose rows they see, and whether they may write. */
export interface ApiCaller {
  tenant: string;
  scope: ApiKeyScope;
  /** What the rate limit counts by: the API key id, or the host's own caller id. Defaults to the tenant. */
  id?: string;
  /** When the credentials stop working: set for portal sessions, which may not open or end other sessions. */
  expiresAt?: Date | null;
}

// A symbol, so the caller cannot collide with anything the host or another library puts on the request.
const CALLER = Symbol.for('hookline.apiCaller');

/** Called by an authentication guard (ours or the host's `api.guard`) once it knows the caller. */
export function setApiCaller(request: object, caller: ApiCaller): void {
  (request as Record<symbol, ApiCaller>)[CALLER] = caller;
}

export function getApiCaller(request: object): ApiCaller | undefined {
  return (request as Record<symbol, ApiCaller | undefined>)[CALLER];
}
