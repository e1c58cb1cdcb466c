// Each attempt's request and response headers, newest open: signatures and credentials arrive
// masked (they were masked before they were stored); the subscription's own headers are only counted.

import { h } from './dom.js';
import { formatDateTime } from './format.js';
import { headerList } from './header-list.js';
import { codePill } from './widgets.js';

export function attemptHeaders(attempts) {
  if (attempts.length === 0) return null;
  return h(
    'section',
    { class: 'card', 'aria-label': 'Attempt headers' },
    h('h2', {}, 'Headers'),
    attempts.map((attempt, index) =>
      h(
        'details',
        { class: 'attempt-headers', open: index === attempts.length - 1, dataset: { attemptId: attempt.id } },
        h('summary', {}, `Attempt ${index + 1} · ${formatDateTime(attempt.started_at)} · `, codePill(attempt.status_code)),
        h(
          'div',
          { class: 'header-columns' },
          h(
            'div',
            { 'aria-label': 'Request headers' },
            h('h3', {}, 'Request'),
            headerList(entries(attempt.request_headers), 'Not recorded (an attempt from before headers were kept).'),
            attempt.subscription_header_count > 0 ? h('p', { class: 'hint' }, ownHeadersNote(attempt.subscription_header_count)) : null,
          ),
          h(
            'div',
            { 'aria-label': 'Response headers' },
            h('h3', {}, 'Response'),
            headerList(entries(attempt.response_headers), 'No response arrived.'),
            attempt.response_headers_truncated ? h('p', { class: 'hint' }, 'Only the first 8 KiB of response headers are kept.') : null,
          ),
        ),
      ),
    ),
  );
}

const entries = (headers) => Object.entries(headers ?? {});

const ownHeadersNote = (count) =>
  `And ${count === 1 ? "1 of the subscription's own headers" : `${count} of the subscription's own headers`}: sealed with the subscription, not kept in the log.`;
