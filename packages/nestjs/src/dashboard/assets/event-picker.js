// Checkboxes for the event types a subscription wants, from the catalog (GET /event-types),
// grouped; filters that are not plain catalog names (wildcards such as "points.*") stay listed.
import { h } from './dom.js';

export function eventPicker(eventTypes, selected = []) {
  const chosen = new Set(selected);
  const boxes = [];
  const box = (value, label, hint) => {
    const input = h('input', { type: 'checkbox', name: 'events', value, checked: chosen.has(value) });
    boxes.push(input);
    // The hint sits outside the label, so the checkbox is named by the event alone.
    return h('div', { class: 'check' }, h('label', {}, input, h('code', {}, label)), hint ? h('span', { class: 'hint' }, hint) : null);
  };
  const names = new Set(eventTypes.map((t) => t.attributes.name));
  const extra = [...chosen].filter((filter) => !names.has(filter) && filter !== '*');
  const groups = new Map();
  for (const type of eventTypes) {
    const group = type.attributes.group ?? 'other';
    groups.set(group, [...(groups.get(group) ?? []), type]);
  }
  const element = h(
    'fieldset',
    { class: 'event-picker' },
    h('legend', {}, 'Events'),
    h('div', { class: 'event-group' }, box('*', '*', 'every event, including ones added later'), extra.map((filter) => box(filter, filter, 'wildcard'))),
    [...groups].map(([group, types]) =>
      h('div', { class: 'event-group' }, h('h3', {}, group), types.map((t) => box(t.attributes.name, t.attributes.name, t.attributes.deprecated ? 'deprecated' : t.attributes.description))),
    ),
  );
  return { element, value: () => boxes.filter((b) => b.checked).map((b) => b.value) };
}
