import { sqliteInProcess } from '../support/drivers';
import type { ApiClient } from '../api/support/api-client';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';

/** `[[[…"x"…]]]` as JSON text, `depth` arrays deep: built as text so no test code recurses. */
const nestedArrays = (depth: number): string => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

describe('deeply nested bodies', () => {
  let t: ApiTestApp;
  let write: ApiClient;
  let id: string;

  beforeAll(async () => {
    t = await createApiTestApp(sqliteInProcess());
    ({ write } = await t.tenant());
    id = (await write.post('/webhook-subscriptions', { url: 'https://hooks.example.com/in', events: ['*'] })).body.data.id;
  });

  afterAll(() => t?.close());

  it.each([
    ['post', '', 'events', '{"url":"https://hooks.example.com/in","events":%s}'],
    ['patch', '/:id', 'channels', '{"channels":%s}'],
    ['post', '/:id/replay', 'since', '{"status":"failed","since":%s}'],
    ['post', '/:id/rotate-secret', 'grace_seconds', '{"grace_seconds":%s}'],
  ] as const)('%s /webhook-subscriptions%s with %s nested 2,000 deep answers 400 with a pointer, not 500', async (method, path, field, template) => {
    const response = await write.raw(method, `/webhook-subscriptions${path.replace(':id', id)}`, template.replace('%s', nestedArrays(2_000)));
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ status: '400', code: 'HOOKLINE_BODY_TOO_DEEP', source: { pointer: `/${field}${'/0'.repeat(15)}` } }),
    ]);
  });

  it('still validates shallow nesting field by field', async () => {
    const response = await write.patch(`/webhook-subscriptions/${id}`, { channels: [['a']] });
    expect(response.body.errors?.[0]?.code).toBe('HOOKLINE_INVALID_FIELD');
  });
});
