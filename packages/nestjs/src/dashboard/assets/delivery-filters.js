// The deliveries log's filter form, and the mapping between it and the view's URL query.
import { h } from './dom.js';
import { fromLocalInput, toLocalInput } from './format.js';

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'];
const FILTERS = ['subscription_id', 'status', 'event_type', 'since', 'until'];

/** The API query of a view query: the filters and cursor it holds, nothing else. */
export function deliveriesQuery(query) {
  return Object.fromEntries([...FILTERS, 'cursor'].filter((name) => query[name]).map((name) => [name, query[name]]));
}

/** The form; `apply(filters)` gets the chosen filters (times as ISO) when it is submitted. */
export function deliveryFilters({ query, subscriptions, eventTypes, apply }) {
  const select = (name, label, options) =>
    h(
      'label',
      {},
      label,
      h('select', { name }, h('option', { value: '' }, 'any'), options.map(([value, text]) => h('option', { value, selected: query[name] === value }, text))),
    );
  const time = (name, label) => h('label', {}, label, h('input', { type: 'datetime-local', name, value: toLocalInput(query[name]) }));
  const form = h(
    'form',
    { class: ['card', 'filters'], 'aria-label': 'Filters' },
    select('subscription_id', 'Subscription', subscriptions.map((s) => [s.id, s.attributes.description ? `${s.attributes.description} (${s.attributes.url})` : s.attributes.url])),
    select('status', 'Status', DELIVERY_STATUSES.map((s) => [s, s])),
    select('event_type', 'Event type', eventTypes.map((t) => [t.attributes.name, t.attributes.name])),
    time('since', 'From'),
    time('until', 'Until'),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: ['button', 'button-primary'] }, 'Apply'),
      h('button', { type: 'button', class: ['button', 'button-secondary'], on: { click: () => apply({}) } }, 'Reset'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    apply({ ...values, since: fromLocalInput(values.since), until: fromLocalInput(values.until) });
  });
  return form;
}
