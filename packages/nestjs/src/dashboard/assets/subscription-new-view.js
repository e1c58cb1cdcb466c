// #/subscriptions/new: URL, description, events, headers and rate limit; on success the secret, once.
import { h, mount } from './dom.js';
import { eventPicker } from './event-picker.js';
import { headersEditor } from './headers-editor.js';
import { rateLimitFields } from './rate-limit-fields.js';
import { hashFor } from './router.js';
import { secretReveal } from './secret-reveal.js';
import { errorNotice, loading, notice, titleRow, whileBusy } from './widgets.js';

export async function subscriptionNewView(ctx, root) {
  mount(root, titleRow('New subscription'), loading());
  if (!ctx.canWrite) return mount(root, titleRow('New subscription'), notice('This API key is read-only: sign in with a write key to create subscriptions.', 'warn'));
  let eventTypes;
  try {
    eventTypes = (await ctx.request('GET', '/event-types')).data;
  } catch (error) {
    return mount(root, titleRow('New subscription'), errorNotice(error));
  }
  const url = h('input', { type: 'url', name: 'url', required: true, placeholder: 'https://example.com/webhooks', autocomplete: 'off', id: 'new-url' });
  const description = h('input', { type: 'text', name: 'description', maxlength: 512, id: 'new-description', autocomplete: 'off' });
  const picker = eventPicker(eventTypes);
  const headers = headersEditor();
  const rateLimit = rateLimitFields();
  const feedback = h('div', { class: 'feedback' });
  const submit = h('button', { type: 'submit', class: ['button', 'button-primary'] }, 'Create subscription');
  const form = h(
    'form',
    { class: ['card', 'form'], novalidate: true, on: { submit: (event) => (event.preventDefault(), create()) } },
    h('label', { for: 'new-url' }, 'Endpoint URL'),
    url,
    h('label', { for: 'new-description' }, 'Description (optional)'),
    description,
    picker.element,
    headers.element,
    rateLimit.element,
    feedback,
    h('div', { class: 'actions' }, submit, h('a', { href: hashFor(['subscriptions']), class: ['button', 'button-secondary'] }, 'Cancel')),
  );
  mount(root, titleRow('New subscription'), form);

  const create = () =>
    whileBusy(submit, 'Creating…', async () => {
      try {
        const body = {
          url: url.value.trim(),
          events: picker.value(),
          ...(description.value.trim() ? { description: description.value.trim() } : {}),
          ...(headers.value() ? { headers: headers.value() } : {}),
          ...(rateLimit.value() ? { rate_limit: rateLimit.value() } : {}),
        };
        const { data } = await ctx.request('POST', '/webhook-subscriptions', { body });
        mount(
          root,
          titleRow('Subscription created'),
          notice(`Deliveries to ${data.attributes.url} are signed with this secret.`),
          secretReveal(data.attributes.secret),
          h('p', {}, h('a', { href: hashFor(['subscriptions', data.id]), class: ['button', 'button-secondary'] }, 'I have stored it: go to the subscription')),
        );
      } catch (error) {
        mount(feedback, errorNotice(error));
      }
    });
}
