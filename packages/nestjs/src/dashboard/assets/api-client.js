// The dashboard's only way to data: the REST API, with the signed-in key.

/** An error answer of the API, with its error document's entries. */
export class ApiError extends Error {
  constructor(status, errors) {
    super(errors.map((e) => e.detail ?? e.title).join(' ') || `The API answered ${status}.`);
    this.status = status;
    this.errors = errors;
  }
}

const MAX_RETRIES_AFTER_429 = 3;

/** The URL of an API path with the defined, non-empty query values. */
export function apiUrl(base, path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const search = params.toString();
  return `${base.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}

/** How long to wait after a 429, from its Retry-After (seconds); between 0.5 and 5 s. */
export function retryDelayMs(retryAfter) {
  const seconds = retryAfter === null || retryAfter === undefined || retryAfter === '' ? NaN : Number(retryAfter);
  return Math.min(5000, Math.max(500, Number.isFinite(seconds) ? seconds * 1000 : 1000));
}

/**
 * `request(method, path, { query, body })` → the parsed JSON answer (null for 204). Waits and
 * retries when rate-limited; calls `onUnauthorized` on 401 (the key was revoked meanwhile).
 */
export function createApiClient({ base, key, onUnauthorized = () => {}, fetchImpl = (...args) => fetch(...args), sleep = defaultSleep }) {
  return async function request(method, path, { query, body } = {}) {
    for (let attempt = 0; ; attempt++) {
      const response = await fetchImpl(apiUrl(base, path, query), {
        method,
        headers: { Accept: 'application/json', Authorization: key(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
      });
      if (response.status === 429 && attempt < MAX_RETRIES_AFTER_429) {
        await sleep(retryDelayMs(response.headers.get('Retry-After')));
        continue;
      }
      if (response.status === 204) return null;
      const document = await response.json().catch(() => ({}));
      if (response.ok) return document;
      if (response.status === 401) onUnauthorized();
      throw new ApiError(response.status, Array.isArray(document.errors) ? document.errors : []);
    }
  };
}

function defaultSleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
