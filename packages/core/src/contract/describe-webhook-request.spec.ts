import { loyaltyCatalog } from '../catalog';
import { createSchemaCompiler } from '../catalog/schema-compiler';
import { BUILTIN_PROFILE_NAMES, resolveProfile } from '../profiles';
import { describeWebhookRequest } from './describe-webhook-request';

const catalog = loyaltyCatalog();
const pointsEarned = catalog.get('points.earned')!;

describe('describeWebhookRequest', () => {
  it.each(BUILTIN_PROFILE_NAMES)('%s: every type\'s example envelope validates against the schema it documents', (name) => {
    const resolved = resolveProfile(name);
    const ajv = createSchemaCompiler();
    for (const definition of catalog.list()) {
      const { envelope, profile } = describeWebhookRequest(resolved, definition);
      expect(profile).toBe(name);
      const validate = ajv.compile(envelope.schema);
      expect([definition.name, validate(envelope.example), validate.errors]).toEqual([definition.name, true, null]);
      expect(validate({ ...envelope.example, data: 'not an object' })).toBe(false);
    }
  });

  it('standard: the Standard Webhooks headers, with the signature described and not shown', () => {
    const { headers, envelope } = describeWebhookRequest(resolveProfile('standard'), pointsEarned);
    expect(headers.map((header) => header.name)).toEqual(['content-type', 'user-agent', 'webhook-id', 'webhook-timestamp', 'webhook-signature']);
    const signature = headers.find((header) => header.name === 'webhook-signature')!;
    expect(signature).not.toHaveProperty('example');
    expect(signature.description).toContain('<webhook-id>.<webhook-timestamp>.<raw body>');
    expect(headers.find((header) => header.name === 'webhook-timestamp')).toMatchObject({ schema: { pattern: '^[0-9]+$' }, example: '1771416005' });
    expect(envelope.schema).toMatchObject({
      type: 'object',
      required: ['id', 'type', 'timestamp', 'data'],
      properties: { id: { pattern: '^dlv_[0-9A-HJKMNP-TV-Z]{26}$' }, type: { const: 'points.earned' }, timestamp: { format: 'date-time' }, data: pointsEarned.schema },
    });
    expect(envelope.example.data).toEqual(pointsEarned.example);
  });

  it('mage: the event type header is a constant, the ISO timestamp a date-time, the tenant the shop', () => {
    const { headers, envelope } = describeWebhookRequest(resolveProfile('mage'), pointsEarned);
    expect(headers.find((header) => header.name === 'X-Webhook-Event')?.schema).toEqual({ type: 'string', const: 'points.earned' });
    expect(headers.find((header) => header.name === 'X-Webhook-Timestamp')?.schema).toEqual({ type: 'string', format: 'date-time' });
    expect(headers.find((header) => header.name === 'X-Webhook-Signature')?.schema.pattern).toBe('^sha256=[0-9a-f]{64}$');
    expect(Object.keys((envelope.schema as { properties: object }).properties)).toEqual(['event', 'shop', 'timestamp', 'data']);
    expect(envelope.example).toMatchObject({ event: 'points.earned', shop: 'my-store' });
  });

  it("describes a custom envelope by what it took from the message, and uses the caller's data schema", () => {
    const resolved = resolveProfile({ name: 'custom', extends: 'mgpass', envelope: (m) => ({ kind: m.type, version: 2, payload: m.data, at: m.occurredAt }) });
    const { envelope, profile } = describeWebhookRequest(resolved, pointsEarned, { dataSchema: { $ref: '#/components/schemas/PointsEarnedData' } });
    expect(profile).toBe('custom');
    expect(envelope.schema).toEqual({
      type: 'object',
      required: ['kind', 'version', 'payload', 'at'],
      properties: {
        kind: expect.objectContaining({ const: 'points.earned' }),
        version: { type: 'integer' },
        payload: { $ref: '#/components/schemas/PointsEarnedData' },
        at: expect.objectContaining({ format: 'date-time' }),
      },
    });
  });

  it('leaves the catalog untouched', () => {
    const before = JSON.stringify(pointsEarned);
    const { envelope } = describeWebhookRequest(resolveProfile('loyali'), pointsEarned);
    (envelope.schema as { properties: { data: { type: string } } }).properties.data.type = 'changed';
    (envelope.example.data as { amount: number }).amount = -1;
    expect(JSON.stringify(pointsEarned)).toBe(before);
  });
});
