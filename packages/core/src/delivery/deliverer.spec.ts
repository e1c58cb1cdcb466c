import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDeliverer, deliver } from './deliverer';
import type { DeliveryOutcome } from './delivery-outcome';
import type { Transport } from './transport';

const request = { url: 'https://hooks.example/in', headers: {}, body: '{}' };

function fakeTransport(send: Transport['send']): Transport & { close: jest.Mock } {
  return { send: jest.fn(send), close: jest.fn(async () => undefined) };
}

describe('createDeliverer', () => {
  it('hands the transport options resolved once, with defaults applied', async () => {
    const outcome: DeliveryOutcome = { ok: true, statusCode: 204, durationMs: 3 };
    const transport = fakeTransport(async () => outcome);
    const send = createDeliverer({ transport, timeoutMs: 5000 });
    await expect(send(request)).resolves.toBe(outcome);
    expect(transport.send).toHaveBeenCalledWith(request, expect.objectContaining({ timeoutMs: 5000, maxResponseBytes: 65_536, allowHttp: false }));
  });

  it('turns a transport that throws into a network outcome instead of rejecting', async () => {
    const transport = fakeTransport(async () => Promise.reject(Object.assign(new Error('boom'), { code: 'EPIPE' })));
    const send = createDeliverer({ transport });
    await expect(send(request)).resolves.toMatchObject({ ok: false, error: { kind: 'network', message: 'boom', code: 'EPIPE' } });
  });

  it('rejects unusable options up front with a DeliveryConfigError', () => {
    expect(() => createDeliverer({ timeoutMs: 60_000 })).toThrow(expect.objectContaining({ code: 'HOOKLINE_INVALID_DELIVERY_OPTIONS', pointer: '/timeoutMs' }));
    expect(() => createDeliverer({ maxSockets: -1 })).toThrow(expect.objectContaining({ pointer: '/maxSockets' }));
  });

  it('leaves a transport it was given to its owner', async () => {
    const transport = fakeTransport(async () => ({ ok: true, durationMs: 1 }));
    await createDeliverer({ transport }).close();
    expect(transport.close).not.toHaveBeenCalled();
  });
});

describe('deliver', () => {
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    server = http.createServer((_req, res) => res.end('thanks'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends one attempt over the default transport and closes its pool', async () => {
    const outcome = await deliver({ url: `${origin}/in`, headers: {}, body: '{}' }, { allowHttp: true, allowedHosts: ['127.0.0.1'] });
    expect(outcome).toMatchObject({ ok: true, statusCode: 200, responseExcerpt: 'thanks' });
  });

  it('resolves with an unsafe-url outcome rather than throwing', async () => {
    await expect(deliver({ url: `${origin}/in`, headers: {}, body: '{}' })).resolves.toMatchObject({ ok: false, error: { kind: 'unsafe-url' } });
  });
});
