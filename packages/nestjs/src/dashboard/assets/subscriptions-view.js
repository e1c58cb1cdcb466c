// #/subscriptions: every subscription of the tenant, a page at a time.
import { h, mount } from './dom.js';
import { formatDateTime, truncate } from './format.js';
import { hashFor } from './router.js';
import { dataTable, errorNotice, loading, titleRow, writeButton } from './widgets.js';

export function subscriptionsView(ctx, root) {
  const list = h('div', {}, loading());
  const more = h('div', { class: 'pager' });
  const rows = [];
  mount(
    root,
    titleRow('Subscriptions', writeButton(ctx, 'New subscription', () => ctx.go(['subscriptions', 'new']), { tone: 'primary' })),
    h('section', { class: 'card' }, list, more),
  );
  const load = async (cursor) => {
    try {
      const page = await ctx.request('GET', '/webhook-subscriptions', { query: { cursor, limit: 50 } });
      rows.push(...page.data);
      mount(list, subscriptionsTable(rows));
      const next = page.meta.next_cursor;
      mount(more, next ? h('button', { type: 'button', class: ['button', 'button-secondary'], on: { click: () => load(next) } }, 'Load more') : null);
    } catch (error) {
      mount(list, errorNotice(error));
    }
  };
  load();
}

function subscriptionsTable(rows) {
  return dataTable(
    [
      ['Endpoint', (s) => s.attributes.url],
      ['Description', (s) => s.attributes.description ?? ''],
      ['Events', (s) => truncate(s.attributes.events.join(', '), 60)],
      ['Status', (s) => activePill(s.attributes)],
      ['Created', (s) => formatDateTime(s.attributes.created_at)],
    ],
    rows,
    { empty: 'No subscriptions yet. Create one to start receiving webhooks.', link: (s) => hashFor(['subscriptions', s.id]), rowData: (s) => ({ subscriptionId: s.id }) },
  );
}

/** Active, or disabled with the reason. */
export function activePill(attributes) {
  return attributes.is_active
    ? h('span', { class: ['pill', 'tone-ok'] }, 'active')
    : h('span', { class: ['pill', 'tone-bad'], title: attributes.disabled_reason ?? '' }, 'disabled');
}
