// The two numbers of a subscription's rate limit (per second, per minute), either or both.
import { h } from './dom.js';

/** `current` prefills the fields. `value()` → the rate_limit to send, or null for no limit. */
export function rateLimitFields(current = null) {
  const field = (key, label) =>
    h('input', { type: 'number', min: 1, step: 1, inputmode: 'numeric', 'aria-label': label, id: `rate-${key}`, value: current?.[key] ?? '', placeholder: 'no limit' });
  const perSecond = field('per_second', 'Rate limit per second');
  const perMinute = field('per_minute', 'Rate limit per minute');
  const element = h(
    'fieldset',
    { class: 'rate-limit-fields' },
    h('legend', {}, 'Rate limit (optional)'),
    h('p', { class: 'hint' }, 'At most this many deliveries per second and/or minute, across every worker. Over it, deliveries wait for their turn without spending an attempt.'),
    h('div', { class: 'rate-limit-row' }, h('label', { for: 'rate-per_second' }, 'Per second'), perSecond, h('label', { for: 'rate-per_minute' }, 'Per minute'), perMinute),
  );
  // What was typed goes as typed (a number where it is one), so the API's answer names what is wrong.
  const read = (input) => (input.value.trim() === '' ? undefined : Number.isNaN(Number(input.value)) ? input.value : Number(input.value));
  const value = () => {
    const limit = { per_second: read(perSecond), per_minute: read(perMinute) };
    if (limit.per_second === undefined && limit.per_minute === undefined) return null;
    return Object.fromEntries(Object.entries(limit).filter(([, v]) => v !== undefined));
  };
  return { element, value };
}

/** "20 per second · 600 per minute", or "No limit". */
export function describeRateLimit(limit) {
  if (!limit) return 'No limit';
  return [limit.per_second && `${limit.per_second} per second`, limit.per_minute && `${limit.per_minute} per minute`].filter(Boolean).join(' · ');
}
