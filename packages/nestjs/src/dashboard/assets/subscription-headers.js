// The headers section of a subscription's view: names with masked values, and an editor that
// replaces them all (values must be entered again: they are never sent back in clear).
import { h, mount } from './dom.js';
import { headerList } from './header-list.js';
import { headersEditor } from './headers-editor.js';
import { errorNotice, whileBusy, writeButton } from './widgets.js';

export function subscriptionHeaders(ctx, subscription) {
  const path = `/webhook-subscriptions/${encodeURIComponent(subscription.id)}`;
  const headers = Object.entries(subscription.attributes.headers ?? {});
  const list = () => headerList(headers, 'No headers of its own: deliveries carry only the signed webhook headers.');
  const body = h('div', {}, list());
  const edit = writeButton(ctx, 'Edit headers', () => mount(body, editor(ctx, path, headers, () => mount(body, list()))));
  return h('section', { class: 'card subscription-headers', 'aria-label': 'Headers' }, h('div', { class: 'title-row' }, h('h2', {}, 'Headers'), edit), body);
}

function editor(ctx, path, headers, cancel) {
  const fields = headersEditor(headers.map(([name]) => name));
  const feedback = h('div');
  const save = h('button', { type: 'submit', class: ['button', 'button-primary'] }, 'Save headers');
  const submit = (event) => {
    event.preventDefault();
    return whileBusy(save, 'Saving…', async () => {
      try {
        await ctx.request('PATCH', path, { body: { headers: fields.value() } });
        ctx.refresh();
      } catch (error) {
        mount(feedback, errorNotice(error));
      }
    });
  };
  return h(
    'form',
    { class: 'form', on: { submit } },
    headers.length > 0 ? h('p', { class: 'hint' }, 'Saving replaces every header. Enter each value again to keep it; remove a row to drop it.') : null,
    fields.element,
    feedback,
    h('div', { class: 'actions' }, save, h('button', { type: 'button', class: ['button', 'button-secondary'], on: { click: cancel } }, 'Cancel')),
  );
}
