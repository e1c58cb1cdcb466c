// The buttons of a subscription: send a test, pause or resume, rotate the secret, replay
// failures, change events, delete it. Each answer shows in one result area below them.
import { h, mount } from './dom.js';
import { eventPicker } from './event-picker.js';
import { secretReveal } from './secret-reveal.js';
import { testOutcome } from './test-outcome.js';
import { confirmStep, errorNotice, notice, whileBusy, writeButton } from './widgets.js';

export function subscriptionActions(ctx, subscription) {
  const path = `/webhook-subscriptions/${encodeURIComponent(subscription.id)}`;
  const active = subscription.attributes.is_active;
  const result = h('div', { class: 'action-result' });
  const act = (button, busyLabel, action) =>
    whileBusy(button, busyLabel, async () => {
      try {
        await action();
      } catch (error) {
        mount(result, errorNotice(error));
      }
    });

  const test = writeButton(ctx, 'Send test event', () =>
    act(test, 'Sending…', async () => mount(result, testOutcome((await ctx.request('POST', `${path}/test`)).data))),
  { tone: 'primary', ...(active ? {} : { disabled: true, title: 'Enable the subscription to send a test.' }) });
  const toggle = writeButton(ctx, active ? 'Disable' : 'Enable', () =>
    act(toggle, 'Saving…', async () => {
      await ctx.request('PATCH', path, { body: { is_active: !active } });
      ctx.refresh();
    }),
  );
  const rotate = writeButton(ctx, 'Rotate secret…', () => mount(result, rotateConfirmation(ctx, path, result)));
  const replay = writeButton(ctx, 'Replay failed deliveries', () =>
    act(replay, 'Queuing…', async () => {
      const { meta } = await ctx.request('POST', `${path}/replay`, { body: { status: 'failed' } });
      mount(result, notice(meta.queued === 0 ? 'No failed deliveries to replay.' : `${meta.queued} failed ${meta.queued === 1 ? 'delivery' : 'deliveries'} queued to be sent again.`));
    }),
  );
  const edit = writeButton(ctx, 'Edit events', () =>
    act(edit, 'Loading…', async () => mount(result, await eventsEditor(ctx, path, subscription.attributes.events, result))),
  );
  const remove = writeButton(ctx, 'Delete…', () => mount(result, deleteConfirmation(ctx, path, result)), { tone: 'danger' });
  return h('section', { class: 'card', 'aria-label': 'Actions' }, h('div', { class: 'actions' }, test, toggle, rotate, replay, edit, remove), result);
}

function rotateConfirmation(ctx, path, result) {
  return confirmStep(result, {
    question: 'Rotate the signing secret? A new secret is generated and shown once; deliveries carry both signatures for 24 hours.',
    confirmLabel: 'Rotate now',
    busyLabel: 'Rotating…',
    onConfirm: async () => {
      const { data } = await ctx.request('POST', `${path}/rotate-secret`, { body: {} });
      mount(result, notice('Secret rotated. The old secret keeps signing beside the new one for 24 hours, so your receiver can switch over.'), secretReveal(data.attributes.secret, { heading: 'New signing secret' }));
    },
  });
}

// Deleting is final (the API removes the row); the delivery log keeps what was sent.
function deleteConfirmation(ctx, path, result) {
  return confirmStep(result, {
    question: 'Delete this subscription? It stops receiving events now, its pending deliveries end as failed, and it cannot be restored. The delivery log keeps its past deliveries.',
    confirmLabel: 'Delete subscription',
    busyLabel: 'Deleting…',
    onConfirm: async () => {
      await ctx.request('DELETE', path);
      ctx.go(['subscriptions']);
    },
  });
}

async function eventsEditor(ctx, path, current, result) {
  const picker = eventPicker((await ctx.request('GET', '/event-types')).data, current);
  const feedback = h('div');
  const save = h('button', { type: 'submit', class: ['button', 'button-primary'] }, 'Save events');
  const submit = (event) => {
    event.preventDefault();
    return whileBusy(save, 'Saving…', async () => {
      try {
        await ctx.request('PATCH', path, { body: { events: picker.value() } });
        ctx.refresh();
      } catch (error) {
        mount(feedback, errorNotice(error));
      }
    });
  };
  return h('form', { class: 'form', on: { submit } }, picker.element, feedback, h('div', { class: 'actions' }, save, h('button', { type: 'button', class: ['button', 'button-secondary'], on: { click: () => mount(result) } }, 'Cancel')));
}
