// Starts the dashboard: signs in with the stored key, or asks for one, then shows the view the
// URL's hash names. Views get a context: the API, the caller, and helpers to navigate and poll.
import { createApiClient } from './api-client.js';
import { renderShell } from './app-shell.js';
import { catalogView } from './catalog-view.js';
import { deliveriesView } from './deliveries-view.js';
import { deliveryView } from './delivery-view.js';
import { h, mount } from './dom.js';
import { hashFor, startRouter } from './router.js';
import { clearKey, readKey, saveKey } from './session.js';
import { signInView } from './sign-in-view.js';
import { subscriptionNewView } from './subscription-new-view.js';
import { subscriptionView } from './subscription-view.js';
import { subscriptionsView } from './subscriptions-view.js';
import { notice } from './widgets.js';

const header = document.getElementById('app-header');
const main = document.getElementById('app-main');
const request = createApiClient({
  base: document.querySelector('meta[name="hookline-api"]').content,
  key: readKey,
  onUnauthorized: () => signOut('The API key was refused (unknown or revoked). Sign in again.'),
});

let caller = null;
let timers = [];
let lastRoute = { parts: [], query: {} };

async function signIn(key) {
  saveKey(key);
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

function stopTimers() {
  timers.forEach(clearInterval);
  timers = [];
}

function show(route) {
  lastRoute = route;
  stopTimers();
  if (!caller) return;
  const [section = 'subscriptions', id] = route.parts;
  renderShell(header, { caller, current: section, signOut: () => signOut() });
  // Each view draws into a fresh element: a slow answer for a view already left lands nowhere.
  const root = h('div', { class: 'view' });
  mount(main, caller.scope === 'write' ? null : notice('Read-only key: you can look at everything; buttons that change things are disabled.', 'warn'), root);
  const ctx = {
    request,
    canWrite: caller.scope === 'write',
    go: (parts, query) => (location.hash = hashFor(parts, query)),
    refresh: () => show(lastRoute),
    every: (ms, tick) => timers.push(setInterval(() => !document.hidden && tick(), ms)),
  };
  if (section === 'subscriptions' && id === 'new') return subscriptionNewView(ctx, root);
  if (section === 'subscriptions' && id) return subscriptionView(ctx, root, id);
  if (section === 'subscriptions') return subscriptionsView(ctx, root);
  if (section === 'deliveries' && id) return deliveryView(ctx, root, id);
  if (section === 'deliveries') return deliveriesView(ctx, root, route.query);
  if (section === 'catalog') return catalogView(ctx, root);
  mount(root, notice(`No such view: ${section}.`, 'warn'));
}

startRouter((route) => show(route));
if (readKey()) signIn(readKey()).catch((error) => signOut(error.message));
else signOut();
