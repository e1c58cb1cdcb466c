// Views live in the URL's hash (#/deliveries?status=failed), so the server serves one page and
// every view can be bookmarked or reloaded.

/** "#/deliveries/dlv_1?status=failed" → { parts: ['deliveries', 'dlv_1'], query: { status: 'failed' } }. */
export function parseHash(hash) {
  const [path, search = ''] = String(hash ?? '').replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: Object.fromEntries(new URLSearchParams(search)) };
}

/** The hash of a view: hashFor(['deliveries'], { status: 'failed', cursor: '' }) → "#/deliveries?status=failed". */
export function hashFor(parts, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const search = params.toString();
  return `#/${parts.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`;
}

/** Calls `onRoute(route)` now and on every change of the hash. */
export function startRouter(onRoute) {
  const run = () => onRoute(parseHash(location.hash));
  window.addEventListener('hashchange', run);
  run();
}
