// The body every attempt of a delivery sent: indented to read, or the exact bytes the signature covers.
import { h } from './dom.js';
import { formatByteSize, prettyJson } from './format.js';

export function payloadCard(body) {
  const heading = h('h2', {}, 'Body');
  if (body === null) {
    return h('section', { class: 'card', 'aria-label': 'Body' }, heading, h('p', { class: 'empty' }, 'The subscription was deleted: the profile it was sent in, and so its exact body, are gone.'));
  }
  const pretty = prettyJson(body);
  const shown = h('pre', { class: 'json payload-body', dataset: { view: 'formatted' } }, pretty);
  const toggle = h('button', { type: 'button', class: ['button', 'button-secondary'] }, 'Show exact bytes');
  toggle.addEventListener('click', () => {
    const exact = shown.dataset.view === 'formatted';
    shown.dataset.view = exact ? 'exact' : 'formatted';
    shown.textContent = exact ? body : pretty;
    toggle.textContent = exact ? 'Show formatted' : 'Show exact bytes';
  });
  return h(
    'section',
    { class: 'card', 'aria-label': 'Body' },
    h('div', { class: 'title-row' }, heading, h('div', { class: 'actions' }, toggle)),
    h('p', { class: 'hint' }, `${formatByteSize(body)}, the same on every attempt (fields the host redacts are shown redacted).`),
    shown,
  );
}
