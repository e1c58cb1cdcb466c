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

  it.each(['toString', 'hasOwnProperty', 'valueOf'])('takes "%s" inside headers as an ordinary header name, polluting nothing', async (key) => {
    const { write } = await t.tenant();
    const created = await write.raw('post', '/webhook-subscriptions', `{"url": "https://example.com/hook", "events": ["*"], "headers": {"${key}": "v", "X-Api-Key": "k"}}`);
    expect(created.status).toBe(201);
    expect(Object.entries(created.body.data.attributes.headers)).toEqual([[key, '••••'], ['X-Api-Key', '••••']]);
    const after = await write.get(`/webhook-subscriptions/${created.body.data.id}`);
    expect(Object.entries(after.body.data.attributes.headers)).toEqual([[key, '••••'], ['X-Api-Key', '••••']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it.each(['constructor', '__proto__'])('refuses "%s" inside headers, which Nest would drop unseen, and changes nothing', async (key) => {
    const { write } = await t.tenant();
    const created = await write.raw('post', '/webhook-subscriptions', `{"url": "https://example.com/hook", "events": ["*"], "headers": {"${key}": "v", "X-Api-Key": "k"}}`);
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([expect.objectContaining({ code: 'HOOKLINE_INVALID_FIELD', source: { pointer: `/headers/${key}` } })]);
    expect((await write.get('/webhook-subscriptions')).body.data).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['constructor', '__proto__'])('refuses "%s" inside rate_limit at its pointer, and stores nothing', async (key) => {
    const { write } = await t.tenant();
    const created = await write.raw('post', '/webhook-subscriptions', `{"url": "https://example.com/hook", "events": ["*"], "rate_limit": {"${key}": {"polluted": 1}, "per_second": 5}}`);
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([expect.objectContaining({ source: { pointer: `/rate_limit/${key}` } })]);
    expect((await write.get('/webhook-subscriptions')).body.data).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
