// Starts the dashboard: signs in with a portal session's token from the URL, the stored key, or
// asks for one, then shows the view the URL's hash names. Views get a context: the API, the
// caller, and helpers to navigate and poll. A portal session is confined to its tenant by the API;
// the page shows no sign-in or sign-out, hides what its scope cannot do, and says when it ended.
import { createApiClient } from './api-client.js';
import { renderShell } from './app-shell.js';
import { catalogView } from './catalog-view.js';
import { deliveriesView } from './deliveries-view.js';
import { deliveryView } from './delivery-view.js';
import { h, mount } from './dom.js';
import { messageView } from './message-view.js';
import { hashFor, parseHash, startRouter } from './router.js';
import { clearKey, inPortal, readKey, saveKey, takePortalToken } from './session.js';
import { sessionEndedView } from './session-ended-view.js';
import { signInView } from './sign-in-view.js';
import { subscriptionNewView } from './subscription-new-view.js';
import { subscriptionView } from './subscription-view.js';
import { subscriptionsView } from './subscriptions-view.js';
import { notice } from './widgets.js';

const header = document.getElementById('app-header');
const main = document.getElementById('app-main');
const portalToken = takePortalToken();
if (portalToken) saveKey(portalToken, { portal: true });
let portal = inPortal();
const request = createApiClient({
  base: document.querySelector('meta[name="hookline-api"]').content,
  key: readKey,
  onUnauthorized: () => signedOut('The API key was refused (unknown or revoked). Sign in again.'),
});

let caller = null;
let timers = [];
let lastRoute = { parts: [], query: {} };

async function signIn(key) {
  saveKey(key, { portal });
  try {
    caller = (await request('GET', '/caller')).data.attributes;
  } catch (error) {
    clearKey();
    caller = null;
    throw error;
  }
  show(lastRoute);
}

function signOut(reason) {
  clearKey();
  caller = null;
  stopTimers();
  renderShell(header, {});
  signInView(mount(main), { signIn, reason: reason && typeof reason === 'string' ? new Error(reason) : undefined });
}

function signedOut(reason) {
  if (!portal) return signOut(reason);
  clearKey();
  caller = null;
  stopTimers();
  renderShell(header, {});
  sessionEndedView(mount(main));
}

function stopTimers() {
  timers.forEach(clearInterval);
  timers = [];
}

function show(route) {
  lastRoute = route;
  stopTimers();
  if (!caller) return;
  const [section = 'subscriptions', id] = route.parts;
  renderShell(header, { caller, current: section, portal, signOut: portal ? undefined : () => signOut() });
  // Each view draws into a fresh element: a slow answer for a view already left lands nowhere.
  const root = h('div', { class: 'view' });
  mount(main, caller.scope === 'write' ? null : notice(portal ? 'Read-only: you can look at everything here.' : 'Read-only key: you can look at everything; buttons that change things are disabled.', 'warn'), root);
  const ctx = {
    request,
    canWrite: caller.scope === 'write',
    // A read-only portal session has no write key to switch to: its write actions are hidden, not disabled.
    hideWrites: portal,
    go: (parts, query) => (location.hash = hashFor(parts, query)),
    refresh: () => show(lastRoute),
    every: (ms, tick) => timers.push(setInterval(() => !document.hidden && tick(), ms)),
  };
  if (section === 'subscriptions' && id === 'new') return subscriptionNewView(ctx, root);
  if (section === 'subscriptions' && id) return subscriptionView(ctx, root, id);
  if (section === 'subscriptions') return subscriptionsView(ctx, root);
  if (section === 'deliveries' && id) return deliveryView(ctx, root, id);
  if (section === 'deliveries') return deliveriesView(ctx, root, route.query);
  if (section === 'messages' && id) return messageView(ctx, root, id);
  if (section === 'catalog') return catalogView(ctx, root);
  mount(root, notice(`No such view: ${section}.`, 'warn'));
}

/** A portal session URL opened in a tab already showing the page changes only the fragment: sign in with its token then. */
function adoptPortalToken() {
  const token = takePortalToken();
  if (!token) return false;
  saveKey(token, { portal: true });
  portal = true;
  lastRoute = parseHash(location.hash);
  signIn(token).catch((error) => signedOut(error.message));
  return true;
}

startRouter((route) => adoptPortalToken() || show(route));
if (readKey()) signIn(readKey()).catch((error) => signedOut(error.message));
else signedOut();
