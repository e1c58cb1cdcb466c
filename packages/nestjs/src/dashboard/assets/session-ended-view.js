// What a portal session shows once it has expired or been revoked: there is no key to sign in
// with here; the host's page that embeds the dashboard opens a new session when reloaded.
import { h, mount } from './dom.js';

export function sessionEndedView(root) {
  mount(
    root,
    h(
      'section',
      { class: ['card', 'sign-in', 'session-ended'] },
      h('h1', {}, 'This session has ended'),
      h('p', { role: 'alert' }, 'It expired or was revoked, so nothing more is shown here.'),
      h('p', { class: 'hint' }, 'Reload the page you opened your webhooks from to start a new session.'),
    ),
  );
}
