import { oneSubscription, PUBLIC_URL } from './support/one-subscription';

describe('answers that carry a secret', () => {
  const app = oneSubscription();

  it('are never cached: create and rotate answer Cache-Control: no-store', async () => {
    const created = await app.write.post('/webhook-subscriptions', { url: PUBLIC_URL, events: ['*'] });
    const rotated = await app.write.post(`/webhook-subscriptions/${app.id}/rotate-secret`, { grace_seconds: 0 });
    for (const answer of [created, rotated]) {
      expect(answer.body.data.attributes.secret).toMatch(/^whsec_/);
      expect(answer.headers['cache-control']).toBe('no-store');
    }
  });

  it('leave the other answers as they were', async () => {
    const read = await app.write.get(`/webhook-subscriptions/${app.id}`);
    expect(read.body.data.attributes.secret).toBeUndefined();
    expect(read.headers['cache-control']).toBeUndefined();
  });
});
