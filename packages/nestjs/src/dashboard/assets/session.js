// The API key or portal token lives in sessionStorage: gone when the tab closes, never sent anywhere
// but the API. Where a framed page may not use storage it lives in memory, for the page's lifetime.
const KEY = 'hookline.apiKey';
const PORTAL = 'hookline.portal';
const memory = new Map();

function read(name) {
  try {
    return sessionStorage.getItem(name);
  } catch {
    return memory.get(name) ?? null;
  }
}

function write(name, value) {
  try {
    if (value === null) sessionStorage.removeItem(name);
    else sessionStorage.setItem(name, value);
  } catch {
    if (value === null) memory.delete(name);
    else memory.set(name, value);
  }
}

export function readKey() {
  return read(KEY) ?? '';
}

/** Keeps the key; `portal` marks a portal session's token, which no one can sign in again with. */
export function saveKey(key, { portal = false } = {}) {
  write(KEY, key.trim());
  write(PORTAL, portal ? 'yes' : null);
}

/** Forgets the key; a portal tab remembers it was one, so a reload shows that the session ended, not a sign-in form. */
export function clearKey() {
  write(KEY, null);
}

export function inPortal() {
  return read(PORTAL) === 'yes';
}

/**
 * The token of a portal session URL (`…/dashboard#portal=hlp_…`), taken out of the address bar and
 * history at once so it is never bookmarked, shared or shown. The fragment reaches no server.
 */
export function takePortalToken() {
  const match = /^#portal=(hlp_[A-Za-z0-9_-]+)$/.exec(location.hash);
  if (!match) return null;
  window.history.replaceState(null, '', `${location.pathname}${location.search}#/subscriptions`);
  return match[1];
}
