import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWebhookRequest, resolveProfile } from '@hookline/core';
import { isAuthentic } from '../../examples/loyali-receiver';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = (name: string) => readFileSync(join(root, 'examples', name), 'utf8');

describe('README examples', () => {
  it.each(['sign-and-verify.ts', 'loyali-receiver.ts'])('embeds examples/%s verbatim', (name) => {
    expect(readme).toContain(example(name).replace(/\n$/, ''));
  });

  it('sign-and-verify runs and reports the tampered body', () => {
    const logs: unknown[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((value) => void logs.push(value));
    jest.isolateModules(() => jest.requireActual(join(root, 'examples', 'sign-and-verify')));
    spy.mockRestore();
    expect(logs).toEqual(['HOOKLINE_SIGNATURE_MISMATCH']);
  });

  it('the loyali receiver accepts what the loyali profile sends and nothing else', () => {
    const request = buildWebhookRequest(resolveProfile('loyali'), {
      url: 'https://example.com',
      secrets: ['loyali-secret'],
      message: { eventId: 'dlv_1', messageId: 'msg_1', type: 'tier.upgraded', tenant: 't', occurredAt: new Date(), data: { customer_id: 'c' } },
      attemptAt: new Date(),
    });
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(isAuthentic(Buffer.from(request.body), headers, 'loyali-secret')).toBe(true);
    expect(isAuthentic(Buffer.from(request.body), headers, 'wrong')).toBe(false);
  });
});
