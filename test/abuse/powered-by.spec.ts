import { oneSubscription, PUBLIC_URL } from './support/one-subscription';

describe('the module does not announce Express', () => {
  const app = oneSubscription();

  it.each([
    ['a read', () => app.write.get('/event-types'), 200],
    ['a write', () => app.write.post('/webhook-subscriptions', { url: PUBLIC_URL, events: ['*'] }), 201],
    ['a missing key', () => app.t.api.get('/event-types'), 401],
    ['a validation error', () => app.write.patch(`/webhook-subscriptions/${app.id}`, { events: 'x' }), 400],
    ['invalid JSON (the body parser)', () => app.write.raw('post', '/webhook-subscriptions', '{'), 400],
    ['the OpenAPI document', () => app.t.api.get('/openapi.json'), 200],
    ['the API docs page', () => app.t.api.get('/docs'), 200],
    ['the dashboard', () => app.t.api.get('/dashboard'), 200],
    ['the health check', () => app.t.api.get('/health'), 200],
  ])('drops X-Powered-By from %s', async (_what, call, status) => {
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
