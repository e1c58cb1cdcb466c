// #/catalog: every event type a subscription can ask for, with its JSON Schema and an example.
import { h, mount } from './dom.js';
import { errorNotice, loading, titleRow } from './widgets.js';

export async function catalogView(ctx, root) {
  mount(root, titleRow('Event catalog'), loading());
  try {
    const { data } = await ctx.request('GET', '/event-types');
    const cards = data.map(eventTypeCard);
    const filter = h('input', { type: 'search', 'aria-label': 'Filter event types', placeholder: 'Filter by name', autocomplete: 'off' });
    filter.addEventListener('input', () => {
      const text = filter.value.trim().toLowerCase();
      for (const card of cards) card.hidden = !card.dataset.eventType.toLowerCase().includes(text);
    });
    mount(root, titleRow('Event catalog', filter), h('p', { class: 'hint' }, `${data.length} event types. Subscriptions may also use wildcards such as "points.*", or "*" for all.`), cards);
  } catch (error) {
    mount(root, titleRow('Event catalog'), errorNotice(error));
  }
}

function eventTypeCard(type) {
  const a = type.attributes;
  return h(
    'article',
    { class: ['card', 'event-type'], dataset: { eventType: a.name } },
    h('h2', {}, h('code', {}, a.name), a.group ? h('span', { class: ['pill', 'tone-neutral'] }, a.group) : null, a.deprecated ? h('span', { class: ['pill', 'tone-warn'] }, 'deprecated') : null),
    h('p', {}, a.description),
    h(
      'div',
      { class: 'json-pair' },
      jsonBlock('Schema', a.schema),
      jsonBlock('Example', a.example),
    ),
  );
}

function jsonBlock(label, value) {
  return h('details', { open: label === 'Example' }, h('summary', {}, label), h('pre', { class: 'json' }, value ? JSON.stringify(value, null, 2) : 'none'));
}
