import { oneSubscription } from './support/one-subscription';

/** `[[[…"x"…]]]` as JSON text, `depth` arrays deep: built as text so no test code recurses. */
const nestedArrays = (depth: number): string => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

describe('deeply nested bodies', () => {
  const app = oneSubscription();

  it.each([
    ['post', '', 'events', '{"url":"https://hooks.example.com/in","events":%s}'],
    ['patch', '/:id', 'channels', '{"channels":%s}'],
    ['post', '/:id/replay', 'since', '{"status":"failed","since":%s}'],
    ['post', '/:id/rotate-secret', 'grace_seconds', '{"grace_seconds":%s}'],
  ] as const)('%s /webhook-subscriptions%s with %s nested 2,000 deep answers 400 with a pointer, not 500', async (method, path, field, template) => {
    const response = await app.write.raw(method, `/webhook-subscriptions${path.replace(':id', app.id)}`, template.replace('%s', nestedArrays(2_000)));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ status: '400', code: 'HOOKLINE_BODY_TOO_DEEP', source: { pointer: `/${field}${'/0'.repeat(15)}` } }),
    ]);
  });

  it('still validates shallow nesting field by field', async () => {
    const response = await app.write.patch(`/webhook-subscriptions/${app.id}`, { channels: [['a']] });
    expect(response.body.errors?.[0]?.code).toBe('HOOKLINE_INVALID_FIELD');
  });
});
