// #/deliveries/:id: one delivery, the body it sent, every attempt with its headers, and Resend.
// Refreshes while it is on its way.
import { h, mount } from './dom.js';
import { formatDateTime } from './format.js';
import { attemptHeaders } from './attempt-headers.js';
import { attemptsTable } from './attempts-table.js';
import { payloadCard } from './payload-card.js';
import { hashFor } from './router.js';
import { errorNotice, loading, notice, propertyList, statusPill, titleRow, whileBusy, writeButton } from './widgets.js';

const REFRESH_MS = 1500;
const SETTLED = ['delivered', 'failed'];

export async function deliveryView(ctx, root, id) {
  const path = `/deliveries/${encodeURIComponent(id)}`;
  let settled = false;
  const result = h('div', { class: 'action-result' });
  const details = h('div', {}, loading());
  const resend = writeButton(ctx, 'Resend', () =>
    whileBusy(resend, 'Queuing…', async () => {
      try {
        await ctx.request('POST', `${path}/resend`);
        mount(result, notice('Queued: a new series of attempts starts now, with the same delivery id.'));
        await load();
      } catch (error) {
        mount(result, errorNotice(error));
      }
    }),
  { tone: 'primary' });
  mount(root, titleRow('Delivery', resend), result, details);

  const load = async () => {
    try {
      const { data } = await ctx.request('GET', path);
      settled = SETTLED.includes(data.attributes.status);
      mount(details, deliveryDetails(data));
    } catch (error) {
      mount(details, errorNotice(error));
    }
  };
  await load();
  ctx.every(REFRESH_MS, () => (settled ? undefined : load()));
}

function deliveryDetails(delivery) {
  const a = delivery.attributes;
  return [
    h(
      'section',
      { class: 'card' },
      propertyList([
        ['Id', h('code', {}, delivery.id)],
        ['Status', statusPill(a.status)],
        ['Event', h('code', {}, a.event_type)],
        ['Subscription', h('a', { href: hashFor(['subscriptions', a.subscription_id]) }, a.subscription_id)],
        ['Message', h('a', { href: hashFor(['messages', a.message_id]) }, a.message_id)],
        ['Attempts in this series', String(a.attempt_count)],
        ['Next attempt', formatDateTime(a.next_attempt_at)],
        ['Delivered', formatDateTime(a.delivered_at)],
        ['Last error', a.last_error ?? '—'],
        ['Created', formatDateTime(a.created_at)],
      ]),
    ),
    payloadCard(a.body),
    h('section', { class: 'card', 'aria-label': 'Attempts' }, h('h2', {}, `Attempts (${a.attempts.length})`), attemptsTable(a.attempts)),
    attemptHeaders(a.attempts),
  ];
}
