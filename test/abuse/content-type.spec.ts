import request from 'supertest';
import { snapshotWebhookTables } from './support/database-snapshot';
import { oneSubscription, PUBLIC_URL } from './support/one-subscription';

describe('write routes take JSON only', () => {
  const app = oneSubscription();
  const send = (method: 'post' | 'patch' | 'delete', path: string, contentType?: string, body?: string) => {
    const req = request(app.t.app.getHttpServer())[method](`/v1${path.replace(':id', app.id)}`).set('Authorization', app.write.key!);
    if (contentType) req.set('Content-Type', contentType);
    return body === undefined ? req : req.send(body);
  };

  const form = `url=${encodeURIComponent(PUBLIC_URL)}&events=*`;
  it.each([
    ['post', '/webhook-subscriptions', 'application/x-www-form-urlencoded', form],
    ['post', '/webhook-subscriptions', 'multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="url"\r\n\r\n${PUBLIC_URL}\r\n--x--\r\n`],
    ['post', '/webhook-subscriptions', 'text/plain', JSON.stringify({ url: PUBLIC_URL, events: ['*'] })],
    ['patch', '/webhook-subscriptions/:id', 'application/x-www-form-urlencoded', 'is_active=false'],
    ['delete', '/webhook-subscriptions/:id', 'text/plain', 'x'],
    ['post', '/webhook-subscriptions/:id/rotate-secret', 'application/x-www-form-urlencoded', 'grace_seconds=0'],
    ['post', '/webhook-subscriptions/:id/test', 'text/plain', ''],
    ['post', '/webhook-subscriptions/:id/replay', 'application/xml', '<status>failed</status>'],
  ] as const)('%s %s as %s answers 415 HOOKLINE_UNSUPPORTED_MEDIA_TYPE and changes nothing', async (method, path, contentType, body) => {
    const before = await snapshotWebhookTables(app.t.dataSource);
    const response = await send(method, path, contentType, body);
    expect([response.status, response.body.errors]).toEqual([
      415,
      [{ status: '415', code: 'HOOKLINE_UNSUPPORTED_MEDIA_TYPE', title: 'Unsupported Media Type', detail: expect.stringMatching(/Content-Type: application\/json/) }],
    ]);
    expect(await snapshotWebhookTables(app.t.dataSource)).toEqual(before);
  });

  it('answers an unauthenticated form post 401, as before', async () => {
    const response = await request(app.t.app.getHttpServer()).post('/v1/webhook-subscriptions').type('form').send(form);
    expect(response.status).toBe(401);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])('accepts %s', async (contentType) => {
    const response = await send('patch', '/webhook-subscriptions/:id', contentType, '{"description":"json"}');
    expect([response.status, response.body.data?.attributes?.description]).toEqual([200, 'json']);
  });

  it('answers a +json body the app does not parse 415, rather than reading it as no fields', async () => {
    const response = await send('patch', '/webhook-subscriptions/:id', 'application/merge-patch+json', '{"description":"merge"}');
    expect([response.status, response.body.errors?.[0]?.code]).toEqual([415, 'HOOKLINE_UNSUPPORTED_MEDIA_TYPE']);
  });

  it('accepts writes that carry no body at all', async () => {
    expect((await send('post', '/webhook-subscriptions/:id/rotate-secret')).status).toBe(200);
  });
});
