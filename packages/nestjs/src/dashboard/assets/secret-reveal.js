// The one time a signing secret is shown (on create and on rotate): with a copy button and a warning.
import { h } from './dom.js';

export function secretReveal(secret, { heading = 'Signing secret' } = {}) {
  const field = h('input', { type: 'text', class: 'secret-value', value: secret, readonly: true, 'aria-label': heading, spellcheck: 'false' });
  const status = h('span', { class: 'copy-status', role: 'status' });
  const copy = h('button', { type: 'button', class: ['button', 'button-primary'], on: { click: () => copyFrom(field, status) } }, 'Copy');
  return h(
    'section',
    { class: 'secret-reveal', 'aria-label': heading },
    h('h2', {}, heading),
    h('p', { class: 'warning' }, 'Copy this secret now and store it where your receiver can read it. It is shown only this once: Hookline keeps it encrypted and will never display it again.'),
    h('div', { class: 'secret-row' }, field, copy, status),
  );
}

async function copyFrom(field, status) {
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = 'Copied.';
  } catch {
    // No clipboard permission: select the text so Ctrl+C / ⌘C copies it.
    field.select();
    status.textContent = 'Press Ctrl+C (⌘C) to copy the selected secret.';
  }
}
