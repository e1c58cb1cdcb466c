import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/dedicated-redis';
import { eventually } from '../support/receiver';

const root = join(__dirname, '..', '..');

/** The quickstart as a new user runs it: the compiled demo on the embedded default, no services. */
describe('the demo loyalty backend', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookline-demo-'));
  let demo: ChildProcess;
  let output = '';
  let base = '';

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    demo = spawn(process.execPath, [join(root, 'apps', 'demo', 'dist', 'main.js')], {
      env: { ...process.env, PORT: String(port), DEMO_DATA_DIR: dataDir, NO_COLOR: '1', DATABASE_URL: '', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    demo.stdout!.on('data', (chunk) => (output += chunk));
    demo.stderr!.on('data', (chunk) => (output += chunk));
    await eventually(() => output.includes('Loyalty demo on'), 30_000, 100);
  });

  afterAll(async () => {
    if (demo && demo.exitCode === null) {
      const exited = new Promise((resolve) => demo.once('exit', resolve));
      demo.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = async (path: string, body: object) => {
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as any;
  };

  it('delivers signed loyalty webhooks to its sample receiver, which verifies each one', async () => {
    const customer = await post('/shops/demo-shop/customers', { email: 'ada@example.com' });
    await post(`/shops/demo-shop/customers/${customer.id}/earn`, { amount: 1200 });
    await post(`/shops/demo-shop/customers/${customer.id}/redeem`, { reward_id: 'rwd_coffee' });
    const expected = ['customer.created', 'points.earned', 'customer.tier_upgrade', 'points.redeemed', 'redemption.created'];
    let received: { type: string; verified: boolean }[] = [];
    await eventually(async () => {
      received = ((await (await fetch(`${base}/sample-receiver`)).json()) as any).data;
      return received.length >= expected.length;
    });
    expect(received.map((r) => r.type).sort()).toEqual([...expected].sort());
    expect(received.every((r) => r.verified)).toBe(true);
  });

  it('prints an admin API key once that opens the REST API and the dashboard', async () => {
    const key = /store it now\): (\S+)/.exec(output)?.[1];
    expect(key).toMatch(/^hlk_/);
    const subscriptions: any = await (await fetch(`${base}/v1/webhook-subscriptions`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(subscriptions.data[0].attributes).toMatchObject({ url: expect.stringContaining('/sample-receiver'), events: ['*'] });
    expect((await fetch(`${base}/v1/dashboard`)).status).toBe(200);
    expect(output.match(/hlk_/g)?.length).toBe(2); // the key line and its curl example, nothing more
  });

  it('allows subscriptions to its own port only, not every loopback service', async () => {
    const key = /store it now\): (\S+)/.exec(output)?.[1];
    const subscribe = (url: string) =>
      fetch(`${base}/v1/webhook-subscriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url, events: ['points.earned'] }),
      });
    const own = new URL(base).port;
    expect((await subscribe(`http://127.0.0.1:${own}/sample-receiver`)).status).toBe(201);
    expect((await subscribe(`http://localhost:${own}/sample-receiver`)).status).toBe(201);
    for (const other of [`http://127.0.0.1:${Number(own) + 1}/`, 'http://127.0.0.1/', 'http://localhost:6379/']) {
      const refused = await subscribe(other);
      expect([refused.status, ((await refused.json()) as any).errors[0].code]).toEqual([400, 'HOOKLINE_UNSAFE_URL']);
    }
  });
});
