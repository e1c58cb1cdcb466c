import { sqliteInProcess } from '../support/drivers';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';

describe('body keys that every object already has', () => {
  let t: ApiTestApp;
  beforeAll(async () => {
    t = await createApiTestApp(sqliteInProcess());
  });
  afterAll(() => t?.close());

  it.each(['toString', 'constructor', '__proto__', 'prototype', 'valueOf', 'hasOwnProperty'])('refuses "%s" as an unknown field and changes nothing', async (key) => {
    const { write } = await t.tenant();
    const created = await write.post('/webhook-subscriptions', { url: 'https://example.com/hook', events: ['*'] });
    const id = created.body.data.id;
    const patch = await write.patch(`/webhook-subscriptions/${id}`, JSON.parse(`{"${key}": [], "description": "changed"}`));
    expect(patch.status).toBe(400);
    expect(patch.body.errors).toEqual([expect.objectContaining({ code: 'HOOKLINE_UNKNOWN_FIELD', source: { pointer: `/${key}` } })]);
    const after = await write.get(`/webhook-subscriptions/${id}`);
    expect(after.body.data.attributes.description).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
