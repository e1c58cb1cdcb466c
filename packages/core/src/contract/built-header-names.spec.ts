import { resolveProfile } from '../profiles';
import { builtHeaderNames } from './built-header-names';

describe('builtHeaderNames', () => {
  it.each([
    ['standard', ['content-type', 'user-agent', 'webhook-id', 'webhook-timestamp', 'webhook-signature']],
    ['mage', ['content-type', 'user-agent', 'x-webhook-signature', 'x-webhook-timestamp', 'x-webhook-event']],
    ['loyali', ['content-type', 'user-agent', 'x-loyali-signature', 'x-loyali-event']],
    ['loyalpro', ['content-type', 'user-agent', 'x-loyalpro-signature', 'x-loyalpro-event', 'x-loyalpro-event-id']],
    ['mgpass', ['content-type', 'user-agent', 'x-webhook-signature', 'x-webhook-id']],
  ] as const)('%s: every header its requests carry, lower-cased', (name, expected) => {
    expect([...builtHeaderNames(resolveProfile(name))].sort()).toEqual([...expected].sort());
  });

  it("includes a custom profile's constant headers and its own header names", () => {
    const resolved = resolveProfile({ name: 'custom', extends: 'mgpass', headers: { 'X-Source': 'hookline' }, eventTypeHeader: 'X-Kind' });
    expect(builtHeaderNames(resolved)).toEqual(new Set(['content-type', 'user-agent', 'x-source', 'x-webhook-signature', 'x-kind', 'x-webhook-id']));
  });
});
