import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { eventually, TestReceiver } from '../support/receiver';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The README's Express example, started as a user starts it: `node examples/express-app/main.js` on the built engine. */
describe('examples/express-app: @hookline/engine in an Express 5 app, no Nest', () => {
  const receiver = new TestReceiver();
  const dataDir = mkdtempSync(join(tmpdir(), 'hookline-express-'));
  let child: ChildProcess;
  let output = '';
  let base: string;

  beforeAll(async () => {
    await receiver.start();
    const port = await freePort();
    child = spawn(process.execPath, [join(root, 'examples', 'express-app', 'main.js')], {
      cwd: root,
      env: { ...process.env, PORT: String(port), DATABASE_PATH: join(dataDir, 'app.sqlite'), HOOKLINE_ENCRYPTION_KEY: randomBytes(32).toString('base64') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(() => output.includes('express-app listening'), 20_000);
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is embedded in the README verbatim', () => {
    for (const file of ['app.js', 'main.js']) expect(readme).toContain(readFileSync(join(root, 'examples', 'express-app', file), 'utf8').trim());
  });

  it('subscribes, awards points in one transaction, delivers a verifiable webhook and shows it delivered in the log', async () => {
    const subscribed = await request(base).post('/subscriptions').send({ url: receiver.url('/loyalty'), events: ['points.*'] });
    expect(subscribed.status).toBe(201);
    expect(subscribed.body.secret).toMatch(/^whsec_/);

    const awarded = await request(base).post('/customers/cust_42/points').send({ amount: 150 });
    expect(awarded.status).toBe(201);
    await receiver.waitFor(1);
    const [delivery] = receiver.requests;
    const verified = new Webhook(subscribed.body.secret).verify(delivery.body, delivery.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: 'points.earned', data: { customer_id: 'cust_42', amount: 150 } });
    expect((verified as { data: unknown }).data).toEqual({ customer_id: 'cust_42', amount: 150 }); // exactly what was published, nothing the insert added

    await eventually(async () => (await request(base).get('/deliveries')).body[0]?.status === 'delivered');
    const log = await request(base).get('/deliveries');
    expect(log.body).toEqual([{ id: delivery.headers['webhook-id'], eventType: 'points.earned', status: 'delivered', attemptCount: 1 }]);
  });

  it('answers bad input with the typed error code and pointer, and keeps nothing of it', async () => {
    const unsafe = await request(base).post('/subscriptions').send({ url: 'http://10.0.0.7/hook', events: ['points.*'] });
    expect(unsafe.status).toBe(400);
    expect(unsafe.body).toMatchObject({ code: 'HOOKLINE_INVALID_SUBSCRIPTION', pointer: '/url' });

    const invalid = await request(base).post('/customers/cust_43/points').send({ amount: 'lots' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'HOOKLINE_INVALID_EVENT_DATA', pointer: '/data/amount' });
    expect((await request(base).get('/deliveries')).body).toHaveLength(1);
  });

  it('stops on SIGTERM after letting Hookline finish', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output).not.toMatch(/Error|warn/i);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
