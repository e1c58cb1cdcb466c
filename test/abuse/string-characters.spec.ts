import { snapshotWebhookTables } from './support/database-snapshot';
import { oneSubscription } from './support/one-subscription';

// JSON text escapes, so the bytes on the wire are plain ASCII and JSON.parse makes the bad string.
const BAD_TEXT = { NUL: 'a\\u0000b', 'a lone high surrogate': 'a\\ud800', 'a lone low surrogate': '\\udc00b' };

describe('NUL and lone surrogates in body strings', () => {
  const app = oneSubscription();

  const routes = [
    ['post', '', '/description', (s: string) => `{"url":"https://hooks.example.com/in","events":["*"],"description":"${s}"}`],
    ['post', '', '/events/1', (s: string) => `{"url":"https://hooks.example.com/in","events":["*","${s}"]}`],
    ['patch', '/:id', '/description', (s: string) => `{"description":"${s}"}`],
    ['patch', '/:id', '/channels/0', (s: string) => `{"channels":["${s}"]}`],
    ['patch', '/:id', '/profile', (s: string) => `{"profile":"${s}"}`],
    ['post', '/:id/replay', '/since', (s: string) => `{"status":"failed","since":"${s}"}`],
  ] as const;

  describe.each(Object.entries(BAD_TEXT))('%s', (_name, text) => {
    it.each(routes)('%s /webhook-subscriptions%s with it at %s answers 400 HOOKLINE_INVALID_CHARACTER and stores nothing', async (method, path, pointer, body) => {
      const before = await snapshotWebhookTables(app.t.dataSource);
      const response = await app.write.raw(method, `/webhook-subscriptions${path.replace(':id', app.id)}`, body(text));
      expect([response.status, response.body.errors]).toEqual([400, [expect.objectContaining({ code: 'HOOKLINE_INVALID_CHARACTER', source: { pointer } })]]);
      expect(response.body.errors[0].detail).toMatch(/U\+(0000|D800|DC00).*remove it/);
      expect(await snapshotWebhookTables(app.t.dataSource)).toEqual(before);
    });
  });

  it('keeps accepting characters outside the BMP, written as a surrogate pair', async () => {
    const response = await app.write.raw('patch', `/webhook-subscriptions/${app.id}`, '{"description":"Punkte \\ud83c\\udf89"}');
    expect([response.status, response.body.data?.attributes?.description]).toEqual([200, 'Punkte 🎉']);
  });
});
