// The rate-limit section of a subscription's view: the limit, whether it is holding deliveries
// back right now (from the stats), and an editor that replaces or removes it.
import { h, mount } from './dom.js';
import { formatDateTime } from './format.js';
import { describeRateLimit, rateLimitFields } from './rate-limit-fields.js';
import { errorNotice, notice, whileBusy, writeButton } from './widgets.js';

export function subscriptionRateLimit(ctx, subscription) {
  const path = `/webhook-subscriptions/${encodeURIComponent(subscription.id)}`;
  const limit = subscription.attributes.rate_limit;
  const held = h('div', { class: 'rate-limit-held' });
  const shown = () => h('div', {}, h('p', { class: 'rate-limit-value' }, describeRateLimit(limit)), held);
  const body = h('div', {}, shown());
  const edit = writeButton(ctx, limit ? 'Edit rate limit' : 'Set rate limit', () => mount(body, editor(ctx, path, limit, () => mount(body, shown()))));
  if (limit) showHold(ctx, path, held);
  return h('section', { class: 'card subscription-rate-limit', 'aria-label': 'Rate limit' }, h('div', { class: 'title-row' }, h('h2', {}, 'Rate limit'), edit), body);
}

async function showHold(ctx, path, into) {
  try {
    const until = (await ctx.request('GET', `${path}/stats`, { query: { window: '1h' } })).data.attributes.rate_limited_until;
    if (until) mount(into, notice(`Held by its rate limit until ${formatDateTime(until)}: deliveries wait for their turn, no attempt spent.`, 'warn'));
  } catch (error) {
    mount(into, errorNotice(error));
  }
}

function editor(ctx, path, limit, cancel) {
  const fields = rateLimitFields(limit);
  const feedback = h('div');
  const save = h('button', { type: 'submit', class: ['button', 'button-primary'] }, 'Save rate limit');
  const submit = (event) => {
    event.preventDefault();
    return whileBusy(save, 'Saving…', async () => {
      try {
        await ctx.request('PATCH', path, { body: { rate_limit: fields.value() } });
        ctx.refresh();
      } catch (error) {
        mount(feedback, errorNotice(error));
      }
    });
  };
  return h(
    'form',
    // The API's answer says what is wrong, in the same words everywhere.
    { class: 'form', novalidate: true, on: { submit } },
    h('p', { class: 'hint' }, 'Leave both empty to remove the limit.'),
    fields.element,
    feedback,
    h('div', { class: 'actions' }, save, h('button', { type: 'button', class: ['button', 'button-secondary'], on: { click: cancel } }, 'Cancel')),
  );
}
