// #/messages/:id: one published event, its data, and every delivery it fanned out to (one per
// subscription that matched). Refreshes while any of them is on its way.
import { h, mount } from './dom.js';
import { formatDateTime } from './format.js';
import { hashFor } from './router.js';
import { codePill, dataTable, errorNotice, loading, propertyList, statusPill, titleRow } from './widgets.js';

const REFRESH_MS = 1500;
const SETTLED = ['delivered', 'failed'];

export async function messageView(ctx, root, id) {
  const details = h('div', {}, loading());
  mount(root, titleRow('Message'), details);
  let settled = false;
  const load = async () => {
    try {
      const document = await ctx.request('GET', `/messages/${encodeURIComponent(id)}`);
      settled = document.included.every((d) => SETTLED.includes(d.attributes.status));
      mount(details, messageDetails(document.data, document.included));
    } catch (error) {
      mount(details, errorNotice(error));
    }
  };
  await load();
  ctx.every(REFRESH_MS, () => (settled ? undefined : load()));
}

function messageDetails(message, deliveries) {
  const a = message.attributes;
  return [
    h(
      'section',
      { class: 'card' },
      propertyList([
        ['Id', h('code', {}, message.id)],
        ['Event', h('code', {}, a.event_type)],
        ['Idempotency key', a.idempotency_key ? h('code', {}, a.idempotency_key) : '—'],
        ['Channels', a.channels?.length ? a.channels.join(', ') : 'all'],
        ['Trace', a.trace_context ? h('code', {}, a.trace_context.traceparent) : '—'],
        ['Published', formatDateTime(a.created_at)],
      ]),
    ),
    h('section', { class: 'card', 'aria-label': 'Data' }, h('h2', {}, 'Data'), h('pre', { class: 'json' }, JSON.stringify(a.data, null, 2))),
    h(
      'section',
      { class: 'card', 'aria-label': 'Deliveries' },
      h('h2', {}, `Deliveries (${deliveries.length})`),
      dataTable(
        [
          ['Delivery', (d) => h('code', {}, d.id)],
          ['Subscription', (d) => h('a', { href: hashFor(['subscriptions', d.attributes.subscription_id]) }, d.attributes.subscription_id)],
          ['Status', (d) => statusPill(d.attributes.status)],
          ['Attempts', (d) => String(d.attributes.attempt_count)],
          ['Last answer', (d) => (d.attributes.attempt_count > 0 || d.attributes.last_status_code !== null ? codePill(d.attributes.last_status_code) : '—')],
          ['Delivered', (d) => formatDateTime(d.attributes.delivered_at)],
        ],
        deliveries,
        { empty: 'No subscription matched this event: it went nowhere.', link: (d) => hashFor(['deliveries', d.id]), rowData: (d) => ({ deliveryId: d.id }) },
      ),
    ),
  ];
}
