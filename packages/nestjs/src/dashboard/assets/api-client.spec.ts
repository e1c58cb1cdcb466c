import { ApiError, apiUrl, createApiClient, retryDelayMs } from './api-client.js';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

function fakeFetch(answers: Answer[]) {
  const calls: { url: string; init: any }[] = [];
  const fetchImpl = async (url: string, init: any) => {
    calls.push({ url, init });
    const answer = answers.shift()!;
    return {
      status: answer.status,
      ok: answer.status >= 200 && answer.status < 300,
      headers: { get: (name: string) => answer.headers?.[name] ?? null },
      json: async () => answer.body,
    };
  };
  // Only the parts of Response the client reads.
  return { calls, fetchImpl: fetchImpl as unknown as typeof fetch };
}

describe('dashboard API client', () => {
  it('joins the base, the path and only the query values that are set', () => {
    expect(apiUrl('/v1/', '/deliveries', { status: 'failed', cursor: undefined, event_type: '', limit: 25 })).toBe('/v1/deliveries?status=failed&limit=25');
    expect(apiUrl('/api/v1', '/event-types')).toBe('/api/v1/event-types');
    expect(apiUrl('/v1', '/deliveries', { since: '2024-01-01T00:00:00.000Z' })).toBe('/v1/deliveries?since=2024-01-01T00%3A00%3A00.000Z');
  });

  it('sends the key and a JSON body, and returns the answer', async () => {
    const { calls, fetchImpl } = fakeFetch([{ status: 201, body: { data: { id: 'whsub_1' } } }]);
    const request = createApiClient({ base: '/v1', key: () => 'hlk_abc', fetchImpl });
    expect(await request('POST', '/webhook-subscriptions', { body: { url: 'https://x.test' } })).toEqual({ data: { id: 'whsub_1' } });
    expect(calls[0].url).toBe('/v1/webhook-subscriptions');
    expect(calls[0].init).toMatchObject({
      method: 'POST',
      headers: { Authorization: 'hlk_abc', 'Content-Type': 'application/json' },
      body: '{"url":"https://x.test"}',
      credentials: 'omit',
    });
  });

  it('waits out a 429 for Retry-After seconds and tries again', async () => {
    const { calls, fetchImpl } = fakeFetch([{ status: 429, headers: { 'Retry-After': '1' } }, { status: 200, body: { data: [] } }]);
    const slept: number[] = [];
    const request = createApiClient({ base: '/v1', key: () => 'k', fetchImpl, sleep: async (ms: number) => void slept.push(ms) });
    expect(await request('GET', '/deliveries')).toEqual({ data: [] });
    expect(calls).toHaveLength(2);
    expect(slept).toEqual([1000]);
    expect([retryDelayMs(null), retryDelayMs('0'), retryDelayMs('60')]).toEqual([1000, 500, 5000]);
  });

  it("throws the error document's details, and reports a refused key", async () => {
    const { fetchImpl } = fakeFetch([
      { status: 400, body: { errors: [{ detail: 'url is required' }, { detail: 'events is required' }] } },
      { status: 401, body: { errors: [{ detail: 'The API key is unknown or has been revoked.' }] } },
    ]);
    let refused = 0;
    const request = createApiClient({ base: '/v1', key: () => 'k', fetchImpl, onUnauthorized: () => refused++ });
    await expect(request('POST', '/webhook-subscriptions', { body: {} })).rejects.toEqual(expect.objectContaining({ status: 400, message: 'url is required events is required' }));
    await expect(request('GET', '/caller')).rejects.toBeInstanceOf(ApiError);
    expect(refused).toBe(1);
  });
});
