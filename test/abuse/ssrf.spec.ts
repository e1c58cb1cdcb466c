import {
  createAxiosTransport,
  createGuardedLookup,
  createUndiciTransport,
  type Transport,
  HostAllowlist,
  UnsafeUrlError,
} from '@hookline/core';
import { sqliteInProcess } from '../support/drivers';
import { connectionTrap, fakeDns, transportResolvingWith } from '../support/ssrf-rig';
import { eventually, TestReceiver } from '../support/receiver';
import { createApiTestApp, type ApiTestApp } from '../api/support/api-test-app';
import type { ApiClient } from '../api/support/api-client';

const UNSAFE_HOSTS = [
  '127.0.0.1',
  'localhost',
  '[::1]',
  '0.0.0.0',
  '169.254.169.254',
  '10.0.0.1',
  '172.16.0.1',
  '192.168.1.1',
  '100.64.0.1',
  '[::ffff:127.0.0.1]',
  '2130706433',
  '0x7f.0.0.1',
  '017700000001',
  // IPv4-compatible IPv6: the parser turns [::127.0.0.1] into ::7f00:1, which is no IPv6 range.
  '[::169.254.169.254]',
  '[::a9fe:a9fe]',
  '[::10.0.0.1]',
  '[::127.0.0.1]',
  '[::7f00:2]',
];

/** Cloud metadata services, each with an allowlist entry that opens its range or names it. */
const METADATA_HOSTS: [string, string[]][] = [
  ['169.254.169.254', ['169.254.0.0/16']],
  ['[::a9fe:a9fe]', ['169.254.0.0/16']],
  ['[fd00:ec2::254]', ['fd00::/8']],
  ['100.100.100.200', ['100.64.0.0/10']],
  ['metadata.google.internal', ['metadata.google.internal']],
  ['metadata.goog', ['metadata.goog']],
];

const points = { customer_id: 'cust_1', amount: 150, new_balance: 2350 };

/** The guard fully on: https only, no allowlist. */
const GUARD_ON = { allowHttp: false, allowedHosts: [] };

async function firstAttemptError(t: ApiTestApp, tenant: string): Promise<string> {
  let error: string | null = null;
  await eventually(async () => {
    const [delivery] = (await t.deliveries.list({ tenant })).data;
    if (!delivery) return false;
    const { attempts } = await t.deliveries.get(delivery.id);
    error = attempts[0]?.error ?? null;
    return attempts.length > 0;
  });
  return error ?? '';
}

describe('SSRF: unsafe subscription URLs are refused when they are created or changed', () => {
  let t: ApiTestApp;
  let write: ApiClient;
  let tenant: string;
  let safeId: string;
  const rows = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM webhook_subscription'))[0].n);

  beforeAll(async () => {
    t = await createApiTestApp(sqliteInProcess(), { delivery: GUARD_ON });
    ({ tenant, write } = await t.tenant());
    // A public name is accepted without resolving it; nothing is ever published to it.
    const created = await write.post('/webhook-subscriptions', { url: 'https://hooks.example.com/in', events: ['*'] });
    expect(created.status).toBe(201);
    safeId = created.body.data.id;
  });

  afterAll(() => t?.close());

  it.each(UNSAFE_HOSTS)('refuses https://%s/ with 400 HOOKLINE_UNSAFE_URL and stores nothing', async (host) => {
    const before = await rows();
    const url = `https://${host}/hook`;

    const created = await write.post('/webhook-subscriptions', { url, events: ['*'] });
    expect([created.status, created.body.errors?.[0]?.code]).toEqual([400, 'HOOKLINE_UNSAFE_URL']);

    const changed = await write.patch(`/webhook-subscriptions/${safeId}`, { url });
    expect([changed.status, changed.body.errors?.[0]?.code]).toEqual([400, 'HOOKLINE_UNSAFE_URL']);

    const direct = t.subscriptions.create({ tenant, url, events: ['*'] });
    await expect(direct).rejects.toMatchObject({ code: 'HOOKLINE_INVALID_SUBSCRIPTION', pointer: '/url', cause: { code: 'HOOKLINE_UNSAFE_URL' } });
    expect(await rows()).toBe(before);
    expect((await t.subscriptions.get(safeId)).url).toBe('https://hooks.example.com/in');
  });
});

describe.each(METADATA_HOSTS)('SSRF: the cloud metadata service %s is refused even where allowedHosts %p opens it', (host, allowedHosts) => {
  let t: ApiTestApp;

  beforeAll(async () => {
    t = await createApiTestApp(sqliteInProcess(), { delivery: { allowHttp: false, allowedHosts } });
  });

  afterAll(() => t?.close());

  it('answers 400 HOOKLINE_UNSAFE_URL and stores nothing', async () => {
    const { write } = await t.tenant();
    const created = await write.post('/webhook-subscriptions', { url: `https://${host}/latest/meta-data`, events: ['*'] });
    expect([created.status, created.body.errors?.[0]?.code, created.body.errors?.[0]?.source]).toEqual([400, 'HOOKLINE_UNSAFE_URL', { pointer: '/url' }]);
    expect(created.body.errors[0].detail).toMatch(/cloud metadata/);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM webhook_subscription'))[0].n)).toBe(0);
  });

  it('refuses a name resolving to it at connect time, judged without connecting', async () => {
    const address = host.startsWith('metadata') ? '169.254.169.254' : host.replace(/^\[(.*)\]$/, '$1');
    const lookup = createGuardedLookup({ lookup: fakeDns(address).lookup, allowedHosts: HostAllowlist.from(allowedHosts) });
    const error = await new Promise((resolve) => lookup('hooks.hookline.test', { all: true }, resolve));
    expect(error).toBeInstanceOf(UnsafeUrlError);
  });
});

describe.each([
  ['axios', createAxiosTransport],
  ['undici', createUndiciTransport],
])('SSRF at send time over the %s transport', (_name, createTransport) => {
  let trap: Awaited<ReturnType<typeof connectionTrap>>;

  beforeAll(async () => {
    trap = await connectionTrap();
  });

  afterAll(() => trap.close());

  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])(
    'records an unsafe-url attempt, without connecting, for a host name that resolves to %s',
    async (address) => {
      const dns = fakeDns(address);
      const inner = createTransport();
      const t = await createApiTestApp(sqliteInProcess(), {
        delivery: { ...GUARD_ON, transport: transportResolvingWith(dns.lookup, inner) },
        retry: { schedule: [60_000], jitter: 0 },
      });
      try {
        const { tenant, write } = await t.tenant();
        // Names are not resolved when a subscription is saved (DNS can change); the connect is checked.
        const created = await write.post('/webhook-subscriptions', { url: `https://rebind.hookline.test:${trap.port}/hook`, events: ['*'] });
        expect(created.status).toBe(201);
        await t.publisher.publish('points.earned', points, { tenant });

        expect(await firstAttemptError(t, tenant)).toMatch(/^unsafe-url: /);
        expect(dns.asked).toContain('rebind.hookline.test');
        expect(trap.connections()).toBe(0);
      } finally {
        await t.close();
        await inner.close();
      }
    },
  );
});

describe.each([
  ['axios', createAxiosTransport],
  ['undici', createUndiciTransport],
])('an allowedHosts entry with a port over the %s transport', (_name, createTransport) => {
  const receiver = new TestReceiver();
  let trap: Awaited<ReturnType<typeof connectionTrap>>;
  let t: ApiTestApp;
  let inner: Transport;

  beforeAll(async () => {
    await receiver.start();
    trap = await connectionTrap();
    const open = new URL(receiver.url()).port;
    inner = createTransport();
    // Every name resolves to loopback; only the receiver's port on it is allowed.
    t = await createApiTestApp(sqliteInProcess(), {
      delivery: { allowHttp: true, allowedHosts: [`127.0.0.1:${open}`], transport: transportResolvingWith(fakeDns('127.0.0.1').lookup, inner) },
      retry: { schedule: [60_000], jitter: 0 },
    });
  });

  afterAll(async () => {
    await t?.close();
    await inner?.close();
    await trap.close();
    await receiver.stop();
  });

  it('delivers to a name resolving to that address and port', async () => {
    const { tenant, write } = await t.tenant();
    const url = `http://receiver.hookline.test:${new URL(receiver.url()).port}/open`;
    expect((await write.post('/webhook-subscriptions', { url, events: ['*'] })).status).toBe(201);
    await t.publisher.publish('points.earned', points, { tenant });
    expect(await firstAttemptError(t, tenant)).toBe('');
    expect(receiver.requests.filter((r) => r.path === '/open')).toHaveLength(1);
  });

  it('refuses the same address on another port at the API and at connect time, without connecting', async () => {
    const { tenant, write } = await t.tenant();
    const literal = await write.post('/webhook-subscriptions', { url: `http://127.0.0.1:${trap.port}/`, events: ['*'] });
    expect([literal.status, literal.body.errors?.[0]?.code]).toEqual([400, 'HOOKLINE_UNSAFE_URL']);
    // A name is not resolved when saved; the connect to its address is checked with the port.
    const named = await write.post('/webhook-subscriptions', { url: `http://other-port.hookline.test:${trap.port}/`, events: ['*'] });
    expect(named.status).toBe(201);
    await t.publisher.publish('points.earned', points, { tenant });
    expect(await firstAttemptError(t, tenant)).toMatch(/^unsafe-url: /);
    expect(trap.connections()).toBe(0);
  });
});

describe.each(['axios', 'undici'] as const)('redirects over the %s transport', (transport) => {
  const receiver = new TestReceiver();
  const elsewhere = new TestReceiver();
  let t: ApiTestApp;

  beforeAll(async () => {
    await receiver.start();
    await elsewhere.start();
    receiver.respond = (request) => ({
      status: 302,
      body: '',
      headers: { location: request.path === '/to-private' ? 'http://10.0.0.1/' : elsewhere.url('/landed') },
    });
    // Only the first hop's host is allowlisted (plain http is needed to reach the local receiver).
    t = await createApiTestApp(sqliteInProcess(), {
      delivery: { allowHttp: true, allowedHosts: ['127.0.0.1'], transport },
      retry: { schedule: [60_000], jitter: 0 },
    });
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await elsewhere.stop();
  });

  it.each(['/to-private', '/to-loopback'])('records a 302 from %s as a redirect and never follows it', async (path) => {
    const { tenant, write } = await t.tenant();
    expect((await write.post('/webhook-subscriptions', { url: receiver.url(path), events: ['*'] })).status).toBe(201);
    await t.publisher.publish('points.earned', points, { tenant });

    expect(await firstAttemptError(t, tenant)).toMatch(/^redirect: HTTP 302/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.requests.filter((r) => r.path === path)).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });
});
