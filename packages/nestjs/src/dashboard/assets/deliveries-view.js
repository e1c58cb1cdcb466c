// #/deliveries: the delivery log, newest first, filtered, a page at a time by cursor. The first
// page refreshes itself, so new deliveries appear as they are made.
import { h, mount } from './dom.js';
import { formatDateTime } from './format.js';
import { deliveriesQuery, deliveryFilters } from './delivery-filters.js';
import { hashFor } from './router.js';
import { codePill, dataTable, errorNotice, loading, statusPill, titleRow } from './widgets.js';

const PAGE_SIZE = 25;
const REFRESH_MS = 2000;

export async function deliveriesView(ctx, root, query) {
  mount(root, titleRow('Deliveries'), loading());
  let subscriptions;
  let eventTypes;
  try {
    [subscriptions, eventTypes] = await Promise.all([
      ctx.request('GET', '/webhook-subscriptions', { query: { limit: 250 } }).then((d) => d.data),
      ctx.request('GET', '/event-types').then((d) => d.data),
    ]);
  } catch (error) {
    return mount(root, titleRow('Deliveries'), errorNotice(error));
  }
  const urls = new Map(subscriptions.map((s) => [s.id, s.attributes.url]));
  const list = h('div', { class: 'log' }, loading());
  const pager = h('div', { class: 'pager' });
  const live = h('span', { class: 'live', role: 'status' });
  const filters = deliveryFilters({ query, subscriptions, eventTypes, apply: (chosen) => ctx.go(['deliveries'], deliveriesQuery(chosen)) });
  mount(root, titleRow('Deliveries', live), filters, h('section', { class: 'card' }, list, pager));

  const load = async () => {
    try {
      const page = await ctx.request('GET', '/deliveries', { query: { ...deliveriesQuery(query), limit: PAGE_SIZE } });
      mount(list, deliveriesTable(page.data, urls));
      mount(
        pager,
        query.cursor ? h('a', { href: hashFor(['deliveries'], { ...deliveriesQuery(query), cursor: '' }), class: ['button', 'button-secondary'] }, 'Newest') : null,
        page.meta.next_cursor ? h('a', { href: hashFor(['deliveries'], { ...deliveriesQuery(query), cursor: page.meta.next_cursor }), class: ['button', 'button-secondary'] }, 'Older') : null,
      );
    } catch (error) {
      mount(list, errorNotice(error));
    }
  };
  await load();
  if (!query.cursor) {
    live.textContent = 'Live: refreshes every 2 s';
    ctx.every(REFRESH_MS, load);
  }
}

function deliveriesTable(rows, urls) {
  return dataTable(
    [
      ['Delivery', (d) => h('code', {}, d.id)],
      ['Created', (d) => formatDateTime(d.attributes.created_at)],
      ['Event', (d) => h('code', {}, d.attributes.event_type)],
      ['Endpoint', (d) => urls.get(d.attributes.subscription_id) ?? d.attributes.subscription_id],
      ['Status', (d) => statusPill(d.attributes.status)],
      ['Attempts', (d) => String(d.attributes.attempt_count)],
      ['Last answer', (d) => (d.attributes.attempt_count > 0 || d.attributes.last_status_code !== null ? codePill(d.attributes.last_status_code) : '—')],
    ],
    rows,
    { empty: 'No deliveries match.', link: (d) => hashFor(['deliveries', d.id]), rowData: (d) => ({ deliveryId: d.id, status: d.attributes.status }) },
  );
}
