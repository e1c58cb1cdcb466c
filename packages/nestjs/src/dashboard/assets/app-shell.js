// The frame around every view: name, navigation, who is signed in, and sign out.
import { h, mount } from './dom.js';

const SECTIONS = [
  ['subscriptions', 'Subscriptions'],
  ['deliveries', 'Deliveries'],
  ['catalog', 'Event catalog'],
];

/** Fills the header for a signed-in caller, or empties it; marks the current section. A portal session has no sign out. */
export function renderShell(header, { caller, current, portal, signOut }) {
  if (!caller) return mount(header, h('span', { class: 'brand' }, 'Hookline'));
  mount(
    header,
    h('span', { class: 'brand' }, 'Hookline'),
    h(
      'nav',
      { 'aria-label': 'Sections' },
      SECTIONS.map(([section, label]) => h('a', { href: `#/${section}`, 'aria-current': section === current ? 'page' : undefined }, label)),
    ),
    h(
      'div',
      { class: 'caller' },
      h('span', { class: 'tenant', title: 'Tenant' }, caller.tenant),
      h('span', { class: ['pill', caller.scope === 'write' ? 'tone-info' : 'tone-warn'] }, scopeLabel(caller.scope, portal)),
      signOut ? h('button', { type: 'button', class: ['button', 'button-secondary'], on: { click: signOut } }, 'Sign out') : null,
    ),
  );
}

function scopeLabel(scope, portal) {
  if (portal) return scope === 'write' ? 'can make changes' : 'read-only';
  return scope === 'write' ? 'write key' : 'read-only key';
}
