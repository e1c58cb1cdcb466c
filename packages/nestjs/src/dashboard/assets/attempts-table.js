// Every attempt of a delivery, oldest first: when, the answer, how long, what came back.
import { h } from './dom.js';
import { formatDateTime, formatDuration, truncate } from './format.js';
import { codePill, dataTable } from './widgets.js';

export function attemptsTable(attempts) {
  return dataTable(
    [
      ['#', (_a) => String(attempts.indexOf(_a) + 1)],
      ['Started', (a) => formatDateTime(a.started_at)],
      ['Status', (a) => codePill(a.status_code)],
      ['Latency', (a) => formatDuration(a.duration_ms)],
      ['Response', (a) => (a.response_excerpt ? h('pre', { class: 'excerpt' }, truncate(a.response_excerpt, 400)) : '—')],
      ['Error', (a) => (a.error ? h('span', { class: 'attempt-error' }, a.error) : '—')],
    ],
    attempts,
    { empty: 'No attempt yet: the delivery is waiting for a worker.', rowData: (a) => ({ attemptId: a.id }) },
  );
}
