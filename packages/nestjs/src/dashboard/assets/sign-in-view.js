// The first screen: paste an API key. It is checked against the API before anything else shows.
import { h, mount } from './dom.js';
import { errorNotice, whileBusy } from './widgets.js';

export function signInView(root, { signIn, reason }) {
  const key = h('input', { type: 'password', id: 'api-key', name: 'api-key', autocomplete: 'off', required: true, spellcheck: 'false' });
  const feedback = h('div', { class: 'feedback' }, reason ? errorNotice(reason) : null);
  const submit = h('button', { type: 'submit', class: ['button', 'button-primary'] }, 'Sign in');
  const form = h(
    'form',
    { class: ['card', 'form', 'sign-in'] },
    h('h1', {}, 'Sign in'),
    h('p', {}, 'Paste an API key of your tenant. A read key shows everything; a write key can also change subscriptions and resend deliveries.'),
    h('label', { for: 'api-key' }, 'API key'),
    key,
    feedback,
    h('div', { class: 'actions' }, submit),
    h('p', { class: 'hint' }, 'The key stays in this browser tab (session storage) until you sign out or close the tab.'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    whileBusy(submit, 'Checking…', async () => {
      try {
        await signIn(key.value);
      } catch (error) {
        mount(feedback, errorNotice(error));
      }
    });
  });
  mount(root, form);
  key.focus();
}
