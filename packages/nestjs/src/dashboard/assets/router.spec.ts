import { hashFor, parseHash } from './router.js';

describe('dashboard routes', () => {
  it('reads the view and its query from the hash', () => {
    expect(parseHash('#/deliveries/dlv_1?status=failed&event_type=points.earned')).toEqual({
      parts: ['deliveries', 'dlv_1'],
      query: { status: 'failed', event_type: 'points.earned' },
    });
    expect(parseHash('')).toEqual({ parts: [], query: {} });
  });

  it('writes hashes that read back the same, leaving out empty values', () => {
    const hash = hashFor(['deliveries'], { subscription_id: 'whsub_1', status: '', cursor: undefined, since: '2024-01-01T00:00:00.000Z' });
    expect(hash).toBe('#/deliveries?subscription_id=whsub_1&since=2024-01-01T00%3A00%3A00.000Z');
    expect(parseHash(hash)).toEqual({ parts: ['deliveries'], query: { subscription_id: 'whsub_1', since: '2024-01-01T00:00:00.000Z' } });
    expect(parseHash(hashFor(['subscriptions', 'a/b']))).toEqual({ parts: ['subscriptions', 'a/b'], query: {} });
  });
});
