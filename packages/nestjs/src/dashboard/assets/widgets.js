// Small pieces every view uses: status pills, property lists, tables, buttons, notices.
import { h, mount } from './dom.js';
import { codeTone, statusTone } from './format.js';

export function statusPill(status) {
  return h('span', { class: ['pill', `tone-${statusTone(status)}`] }, status);
}

/** An HTTP status code as a pill; "no response" when none came. */
export function codePill(code) {
  return h('span', { class: ['pill', `tone-${codeTone(code)}`] }, code === null || code === undefined ? 'no response' : String(code));
}

/** A definition list of [label, value] pairs; values may be nodes. */
export function propertyList(pairs) {
  return h('dl', { class: 'properties' }, pairs.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value ?? '—')]));
}

/**
 * A table: `columns` are [heading, cell(row) → text or node]; `link(row)` makes each row's first
 * cell a link to the row's view.
 */
export function dataTable(columns, rows, { empty = 'Nothing here yet.', link, rowData } = {}) {
  if (rows.length === 0) return h('p', { class: 'empty' }, empty);
  return h(
    'table',
    { class: 'data' },
    h('thead', {}, h('tr', {}, columns.map(([heading]) => h('th', { scope: 'col' }, heading)))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          { dataset: rowData ? rowData(row) : undefined },
          columns.map(([, cell], index) => h('td', {}, index === 0 && link ? h('a', { href: link(row) }, cell(row)) : cell(row))),
        ),
      ),
    ),
  );
}

/** A button that changes something: disabled, with the reason, for a read-only key; absent for a read-only portal session. */
export function writeButton(ctx, label, onClick, { tone = 'secondary', ...props } = {}) {
  if (!ctx.canWrite && ctx.hideWrites) return null;
  return h(
    'button',
    {
      type: 'button',
      class: ['button', `button-${tone}`],
      disabled: !ctx.canWrite,
      title: ctx.canWrite ? undefined : 'Read-only API key: sign in with a write key to do this.',
      on: { click: onClick },
      ...props,
    },
    label,
  );
}

/** Runs `action` with the button disabled and a busy label, so a slow request cannot be sent twice. */
export async function whileBusy(button, busyLabel, action) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = busyLabel;
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

/** A message box: tone is ok, warn or bad; role=alert for errors so screen readers say them. */
export function notice(text, tone = 'ok') {
  return h('div', { class: ['notice', `tone-${tone}`], role: tone === 'bad' ? 'alert' : 'status' }, text);
}

export function errorNotice(error) {
  return notice(error?.message ?? String(error), 'bad');
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading' }, text);
}

/** A view's title row: the heading and, on the right, actions. */
export function titleRow(title, ...actions) {
  return h('div', { class: 'title-row' }, h('h1', {}, title), h('div', { class: 'actions' }, actions));
}

/**
 * A step that asks before something hard to undo, shown in `result`: the question, a danger
 * button that runs `onConfirm` (an error shows in `result`), and Cancel, which clears it.
 */
export function confirmStep(result, { question, confirmLabel, busyLabel, onConfirm }) {
  const confirm = h('button', { type: 'button', class: ['button', 'button-danger'] }, confirmLabel);
  confirm.addEventListener('click', () =>
    whileBusy(confirm, busyLabel, async () => {
      try {
        await onConfirm();
      } catch (error) {
        mount(result, errorNotice(error));
      }
    }),
  );
  const cancel = h('button', { type: 'button', class: ['button', 'button-secondary'], on: { click: () => mount(result) } }, 'Cancel');
  return h('div', { class: ['notice', 'tone-warn', 'confirm-step'], role: 'group', 'aria-label': confirmLabel }, h('p', {}, question), h('div', { class: 'actions' }, confirm, cancel));
}
