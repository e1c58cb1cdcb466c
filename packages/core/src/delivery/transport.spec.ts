import dns from 'node:dns';
import http from 'node:http';
import net, { type AddressInfo, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { createAxiosTransport } from './axios-transport';
import { resolveDeliveryOptions, type DeliveryOptions } from './delivery-options';
import type { Transport } from './transport';
import { createUndiciTransport } from './undici-transport';

// Safety net, independent of the guard under test: every client socket in this file goes
// through here, and one aimed outside loopback is destroyed before it connects and recorded.
const seenHosts: string[] = [];
const escapes: string[] = [];
const isLoopback = (address: string): boolean => net.isIP(address) !== 0 && ipaddr.process(address).range() === 'loopback';
const realConnect = net.Socket.prototype.connect;

function loopbackOnlyConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  const options = (Array.isArray(args[0]) ? args[0][0] : args[0]) as net.TcpNetConnectOpts;
  const host = options.host ?? 'localhost';
  seenHosts.push(host);
  if (net.isIP(host) && !isLoopback(host)) {
    escapes.push(host);
    process.nextTick(() => this.destroy(new Error(`safety net blocked ${host}`)));
    return this;
  }
  const lookup = options.lookup ?? (dns.lookup as LookupFunction);
  options.lookup = (hostname, dnsOptions, callback) =>
    lookup(hostname, dnsOptions, (error, address, family) => {
      const outside = (Array.isArray(address) ? address.map((a) => a.address) : [address]).filter((a) => !error && !isLoopback(a));
      if (outside.length === 0) return callback(error, address, family);
      escapes.push(...outside);
      callback(new Error(`safety net blocked ${outside.join(', ')}`), '');
    });
  return realConnect.apply(this, args as Parameters<typeof realConnect>);
}

beforeAll(() => void (net.Socket.prototype.connect = loopbackOnlyConnect as typeof realConnect));
afterAll(() => void (net.Socket.prototype.connect = realConnect));
afterEach(() => expect(escapes).toEqual([]));

interface TestServer {
  origin: string;
  paths: string[];
  close(): Promise<void>;
}

async function startServer(handler: http.RequestListener): Promise<TestServer> {
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = (): Promise<void> => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return { origin: `http://127.0.0.1:${port}`, paths, close };
}

const FIVE_MB = 5 * 1024 * 1024;
const received: { body: string; headers: http.IncomingHttpHeaders }[] = [];

function receiver(redirectTarget: string): http.RequestListener {
  return (req, res) => {
    const later = (ms: number, fn: () => void): void => {
      const timer = setTimeout(fn, ms);
      res.on('close', () => clearTimeout(timer));
    };
    const routes: Record<string, () => void> = {
      '/ok': () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}'),
      '/busy': () => res.writeHead(503, { 'retry-after': '120' }).end('try later'),
      '/moved': () => res.writeHead(302, { location: `${redirectTarget}/landed` }).end(),
      '/slow': () => later(2000, () => res.end('too late')),
      '/stalled-body': () => res.writeHead(200).write('partial'),
      '/huge': () => res.writeHead(200).end(Buffer.alloc(FIVE_MB, 'a')),
      '/reset': () => req.socket.destroy(),
    };
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString(), headers: req.headers });
      (routes[req.url ?? ''] ?? routes['/ok'])();
    });
  };
}

function fakeDns(hostname: string, address: string): jest.Mock & LookupFunction {
  return jest.fn((name: string, _options: unknown, callback: (e: Error | null, a: dns.LookupAddress[]) => void) => {
    expect(name).toBe(hostname);
    process.nextTick(callback, null, [{ address, family: 4 }]);
  });
}

let target: TestServer;
let server: TestServer;
let closedPort: number;

beforeAll(async () => {
  target = await startServer((_req, res) => res.end('should never be reached'));
  server = await startServer(receiver(target.origin));
  const closed = await startServer(() => undefined);
  closedPort = Number(new URL(closed.origin).port);
  await closed.close();
});

afterAll(async () => {
  await server.close();
  await target.close();
});

describe.each([
  ['axios', createAxiosTransport],
  ['undici', createUndiciTransport],
])('%s transport', (_name, createTransport: () => Transport) => {
  let transport: Transport;
  const local = (extra: DeliveryOptions = {}) => resolveDeliveryOptions({ allowHttp: true, allowedHosts: ['127.0.0.1'], ...extra });
  const post = (path: string, options = local(), body = '{"type":"invoice.paid"}') =>
    transport.send({ url: `${server.origin}${path}`, headers: { 'webhook-id': 'msg_1' }, body }, options);

  beforeAll(() => void (transport = createTransport()));
  afterAll(() => transport.close());

  it('delivers the body byte for byte and keeps the response excerpt', async () => {
    const body = ' {"a": 1}  ';
    const outcome = await post('/ok', local(), body);
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, responseExcerpt: '{"received":true}', responseTruncated: false });
    expect(outcome.error).toBeUndefined();
    expect(received.at(-1)).toMatchObject({
      body,
      headers: { 'content-type': 'application/json', 'webhook-id': 'msg_1', 'user-agent': 'Hookline-Webhooks/1.0' },
    });
  });

  it('reports a 5xx as http-status and keeps the raw Retry-After', async () => {
    const outcome = await post('/busy');
    expect(outcome).toMatchObject({ ok: false, statusCode: 503, retryAfter: '120', responseExcerpt: 'try later', error: { kind: 'http-status' } });
  });

  it('never follows a redirect', async () => {
    const outcome = await post('/moved');
    expect(outcome).toMatchObject({ ok: false, statusCode: 302, error: { kind: 'redirect' } });
    expect(outcome.error?.message).toContain(`${target.origin}/landed`);
    expect(target.paths).toEqual([]);
  });

  it('times out a receiver that answers too late', async () => {
    const outcome = await post('/slow', local({ timeoutMs: 300 }));
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(290);
    expect(outcome.durationMs).toBeLessThan(1500);
  });

  it('counts the body against the timeout too', async () => {
    const outcome = await post('/stalled-body', local({ timeoutMs: 300 }));
    expect(outcome).toMatchObject({ ok: false, statusCode: 200, error: { kind: 'timeout' } });
  });

  it('times out while the connection is still being made', async () => {
    // The name answers only long after the deadline: the attempt must not wait for it.
    const lookup: LookupFunction = (_name, _options, callback) => {
      setTimeout(() => callback(new Error('answered too late'), []), 3_000);
    };
    const request = { url: 'http://stalled.test/hook', headers: {}, body: '{}' };
    const outcome = await transport.send(request, resolveDeliveryOptions({ allowHttp: true, lookup, timeoutMs: 300 }));
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(outcome.durationMs).toBeLessThan(2_500);
  });

  it('keeps 64 KiB of a 5 MB response and returns without reading the rest', async () => {
    const outcome = await post('/huge');
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, responseTruncated: true });
    expect(outcome.responseExcerpt).toHaveLength(64 * 1024);
    expect(outcome.durationMs).toBeLessThan(1000);
  });

  it('reports a reset connection as a network failure', async () => {
    const outcome = await post('/reset');
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'network', code: expect.any(String) } });
  });

  it('reports a refused connection as a network failure', async () => {
    const outcome = await transport.send({ url: `http://127.0.0.1:${closedPort}/`, headers: {}, body: '{}' }, local());
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'network', code: 'ECONNREFUSED' } });
  });

  it.each(['http://127.0.0.1:PORT/guarded', 'http://[::ffff:127.0.0.1]:PORT/guarded', 'http://localhost:PORT/guarded'])(
    'refuses loopback %s without an allowlist, before any request',
    async (url) => {
      const request = { url: url.replace('PORT', new URL(server.origin).port), headers: {}, body: '{}' };
      const outcome = await transport.send(request, resolveDeliveryOptions({ allowHttp: true }));
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'unsafe-url', code: 'HOOKLINE_UNSAFE_URL' } });
      expect(server.paths).not.toContain('/guarded');
    },
  );

  it('refuses plain http without allowHttp, even for an allowed host', async () => {
    const outcome = await post('/plain', resolveDeliveryOptions({ allowedHosts: ['127.0.0.1'] }));
    expect(outcome.error).toMatchObject({ kind: 'unsafe-url', message: expect.stringContaining('allowHttp') });
    expect(server.paths).not.toContain('/plain');
  });

  it.each(['https://10.0.0.1/', 'https://169.254.169.254/latest/meta-data', 'https://[fd00::1]/'])(
    'refuses the internal IP literal %s without creating a socket',
    async (url) => {
      seenHosts.length = 0;
      const outcome = await transport.send({ url, headers: {}, body: '{}' }, resolveDeliveryOptions());
      expect(outcome.error?.kind).toBe('unsafe-url');
      expect(seenHosts).toEqual([]);
    },
  );

  it.each(['http', 'https'])('refuses at connect time a %s hostname that resolves to a private address', async (scheme) => {
    seenHosts.length = 0;
    const lookup = fakeDns('internal.example', '10.0.0.5');
    const request = { url: `${scheme}://internal.example/hook`, headers: {}, body: '{}' };
    const outcome = await transport.send(request, resolveDeliveryOptions({ allowHttp: true, lookup }));
    expect(outcome.error).toMatchObject({ kind: 'unsafe-url', code: 'HOOKLINE_UNSAFE_URL', message: expect.stringContaining('10.0.0.5') });
    expect(outcome.statusCode).toBeUndefined();
    expect(outcome.durationMs).toBeLessThan(250);
    // The socket asked the guarded lookup and was refused an address: the safety net saw no escape.
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(seenHosts).toEqual(['internal.example']);
  });

  it('refuses a hostname that resolves to loopback when loopback is not allowed', async () => {
    const lookup = fakeDns('sneaky.test', '127.0.0.1');
    const request = { url: `http://sneaky.test:${new URL(server.origin).port}/sneaky`, headers: {}, body: '{}' };
    const outcome = await transport.send(request, resolveDeliveryOptions({ allowHttp: true, lookup }));
    expect(outcome.error?.kind).toBe('unsafe-url');
    expect(server.paths).not.toContain('/sneaky');
  });

  it('connects to the address the injected lookup returns', async () => {
    const lookup = fakeDns('hooks.test', '127.0.0.1');
    const port = new URL(server.origin).port;
    const outcome = await transport.send({ url: `http://hooks.test:${port}/ok`, headers: {}, body: '{}' }, local({ lookup }));
    expect(outcome).toMatchObject({ ok: true, statusCode: 200 });
    expect(lookup).toHaveBeenCalled();
    expect(received.at(-1)?.headers.host).toBe(`hooks.test:${port}`);
  });
});
