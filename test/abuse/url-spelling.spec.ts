import { oneSubscription, PUBLIC_URL as GOOD } from './support/one-subscription';

// Each is read as one URL by WHATWG parsers and as another (or as a header) by other readers.
const AMBIGUOUS = [
  'https://hooks.example.com/sample-receiver\r\nX-Injected: 1',
  'https://hooks.example.com/\tin',
  'https://hooks.example.com/in\u001b',
  ' https://hooks.example.com/in',
  'https://hooks.example.com/in ',
  'https://good.com\\@10.0.0.1/',
  'https:\\\\hooks.example.com\\in',
];

describe('subscription URLs are stored exactly as they were checked', () => {
  const app = oneSubscription({ delivery: { allowHttp: false, allowedHosts: [] } });

  it.each(AMBIGUOUS)('refuses %j with 400 HOOKLINE_UNSAFE_URL at /url, on create, change and the service', async (url) => {
    const { t, tenant, write, id } = app;
    const created = await write.post('/webhook-subscriptions', { url, events: ['*'] });
    expect([created.status, created.body.errors]).toEqual([400, [expect.objectContaining({ code: 'HOOKLINE_UNSAFE_URL', source: { pointer: '/url' } })]]);
    expect(created.body.errors[0].detail).toMatch(/percent-encode/);

    const changed = await write.patch(`/webhook-subscriptions/${id}`, { url });
    expect([changed.status, changed.body.errors?.[0]?.code]).toEqual([400, 'HOOKLINE_UNSAFE_URL']);

    await expect(t.subscriptions.create({ tenant, url, events: ['*'] })).rejects.toMatchObject({
      code: 'HOOKLINE_INVALID_SUBSCRIPTION',
      pointer: '/url',
      cause: { code: 'HOOKLINE_UNSAFE_URL' },
    });
    const rows = await t.dataSource.query('SELECT url FROM webhook_subscription');
    expect(rows).toEqual([{ url: GOOD }]);
  });

  it('echoes and stores an accepted URL as sent', async () => {
    const { t, write, id } = app;
    const url = 'https://hooks.example.com/in?tag=a%20b';
    const changed = await write.patch(`/webhook-subscriptions/${id}`, { url });
    expect(changed.body.data.attributes.url).toBe(url);
    expect((await t.subscriptions.get(id)).url).toBe(url);
    await write.patch(`/webhook-subscriptions/${id}`, { url: GOOD });
  });
});
