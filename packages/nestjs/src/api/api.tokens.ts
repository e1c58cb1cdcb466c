/** The resolved WebhooksApiOptions. */
export const HOOKLINE_API_OPTIONS = Symbol('HOOKLINE_API_OPTIONS');

/** The guard that authenticates callers: API keys by default, or the host's `api.guard`. */
export const HOOKLINE_API_AUTHENTICATOR = Symbol('HOOKLINE_API_AUTHENTICATOR');

/** The OpenAPI security scheme name of the Authorization header. */
export const API_KEY_SECURITY = 'api_key';
