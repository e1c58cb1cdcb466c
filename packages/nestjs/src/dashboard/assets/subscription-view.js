// #/subscriptions/:id: what the subscription is, what can be done with it, and how healthy it is.
import { h, mount } from './dom.js';
import { formatDateTime } from './format.js';
import { healthPanel } from './health-panel.js';
import { hashFor } from './router.js';
import { subscriptionActions } from './subscription-actions.js';
import { subscriptionHeaders } from './subscription-headers.js';
import { subscriptionRateLimit } from './subscription-rate-limit.js';
import { activePill } from './subscriptions-view.js';
import { errorNotice, loading, propertyList, titleRow } from './widgets.js';

export async function subscriptionView(ctx, root, id) {
  mount(root, titleRow('Subscription'), loading());
  let subscription;
  try {
    subscription = (await ctx.request('GET', `/webhook-subscriptions/${encodeURIComponent(id)}`)).data;
  } catch (error) {
    return mount(root, titleRow('Subscription'), errorNotice(error));
  }
  const a = subscription.attributes;
  mount(
    root,
    titleRow(a.description || 'Subscription', h('a', { href: hashFor(['deliveries'], { subscription_id: subscription.id }), class: ['button', 'button-secondary'] }, 'View deliveries')),
    h(
      'section',
      { class: 'card' },
      propertyList([
        ['Endpoint', h('code', { class: 'url' }, a.url)],
        ['Id', h('code', {}, subscription.id)],
        ['Status', [activePill(a), a.disabled_reason ? h('span', { class: 'hint' }, ` ${a.disabled_reason}`) : null]],
        ['Events', h('span', { class: 'event-list' }, a.events.map((e) => h('code', {}, e)))],
        ['Channels', a.channels?.length ? a.channels.join(', ') : 'all'],
        ['Profile', a.profile ?? 'module default'],
        ['Created', formatDateTime(a.created_at)],
        ['Updated', formatDateTime(a.updated_at)],
      ]),
    ),
    subscriptionHeaders(ctx, subscription),
    subscriptionRateLimit(ctx, subscription),
    subscriptionActions(ctx, subscription),
    healthPanel(ctx, subscription.id),
  );
}
