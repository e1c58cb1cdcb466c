// What "Send test event" did: the first attempt's answer, straight away.
import { h } from './dom.js';
import { formatDuration, truncate } from './format.js';
import { codePill, notice, statusPill } from './widgets.js';

export function testOutcome(delivery) {
  const { attributes } = delivery;
  const attempt = attributes.attempts?.[0];
  if (!attempt) return notice(`Test delivery ${delivery.id} is ${attributes.status}; no attempt was made yet.`, 'warn');
  const ok = attributes.status === 'delivered';
  return h(
    'div',
    { class: ['notice', ok ? 'tone-ok' : 'tone-bad', 'test-outcome'], role: 'status' },
    h('strong', {}, ok ? 'Test event delivered. ' : 'Test event not delivered. '),
    'Endpoint answered ',
    codePill(attempt.status_code),
    ` in ${formatDuration(attempt.duration_ms)}; delivery `,
    h('a', { href: `#/deliveries/${encodeURIComponent(delivery.id)}` }, delivery.id),
    ' is ',
    statusPill(attributes.status),
    attempt.error ? h('div', { class: 'attempt-error' }, attempt.error) : null,
    attempt.response_excerpt ? h('pre', { class: 'excerpt' }, truncate(attempt.response_excerpt, 500)) : null,
  );
}
