import { builtinProfiles } from './builtin-profiles';
import type { EnvelopeInput } from './envelopes';
import { resolveProfile } from './resolve-profile';
import { serializeEnvelope } from './serialize-envelope';
import type { BuiltinProfileName } from './builtin-profiles';

const message: Omit<EnvelopeInput, 'data'> = {
  eventId: 'dlv_01J0000000000000000000000A',
  messageId: 'msg_01J0000000000000000000000A',
  type: 'points.earned',
  tenant: 'my-store',
  occurredAt: new Date('2026-02-18T12:00:00.000Z'),
};

const payloads: unknown[] = [
  { customer_id: 'cust_abc123', amount: 150 },
  { name: 'çüş-🎉 "quoted" \\ back\nslash \u2028', nested: { list: [1, 2.5, -0.001, 1e21, null, true] } },
  { 10: 'integer-like keys', a: 1, 2: 'come first in JS' },
  { text: '$& $1 $$ replacement patterns' },
  [],
  null,
];

describe('serializeEnvelope', () => {
  it.each(Object.keys(builtinProfiles) as BuiltinProfileName[])(
    '%s: splicing the stored JSON gives the same bytes as parsing and serializing it',
    (name) => {
      const resolved = resolveProfile(name);
      for (const data of payloads) {
        const dataJson = JSON.stringify(data);
        const parsedAgain = JSON.stringify(resolved.buildEnvelope({ ...message, data: JSON.parse(dataJson) }));
        expect(serializeEnvelope(resolved, { ...message, dataJson })).toBe(parsedAgain);
      }
    },
  );

  it('gives a custom envelope the parsed data, since it may reshape it', () => {
    const resolved = resolveProfile({ name: 'custom', envelope: (m) => ({ kind: m.type, amount: (m.data as { amount: number }).amount }) });
    expect(serializeEnvelope(resolved, { ...message, dataJson: '{"amount":150}' })).toBe('{"kind":"points.earned","amount":150}');
  });

  it('falls back to serializing when another field holds the text it marks data with', () => {
    const resolved = resolveProfile('mage');
    const tenant = '\u0000hookline:data\u0000';
    const body = serializeEnvelope(resolved, { ...message, tenant, dataJson: '{"a":1}' });
    expect(JSON.parse(body)).toEqual({ event: 'points.earned', shop: tenant, timestamp: '2026-02-18T12:00:00.000Z', data: { a: 1 } });
  });

  it('still serializes a message given with parsed data', () => {
    const resolved = resolveProfile('standard');
    expect(serializeEnvelope(resolved, { ...message, data: { a: 1 } })).toBe(JSON.stringify(resolved.buildEnvelope({ ...message, data: { a: 1 } })));
  });
});
