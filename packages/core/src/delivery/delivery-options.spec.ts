import { resolveDeliveryOptions } from './delivery-options';
import { resolveTransportOptions } from './transport';

describe('resolveDeliveryOptions', () => {
  it('defaults to a 15 s timeout, a 64 KiB excerpt, https only and no exemptions', () => {
    const options = resolveDeliveryOptions();
    expect(options).toMatchObject({ timeoutMs: 15_000, maxResponseBytes: 65_536, allowHttp: false });
    expect(options.allowedHosts.entries).toEqual([]);
    expect(typeof options.lookup).toBe('function');
  });

  it.each([
    [{ timeoutMs: 30_001 }, '/timeoutMs'],
    [{ timeoutMs: 0 }, '/timeoutMs'],
    [{ maxResponseBytes: -1 }, '/maxResponseBytes'],
    [{ maxResponseBytes: 100 * 1024 * 1024 }, '/maxResponseBytes'],
    [{ allowHttp: 'yes' }, '/allowHttp'],
    [{ lookup: 'dns' }, '/lookup'],
    [{ userAgent: ' ' }, '/userAgent'],
    [{ allowedHosts: '127.0.0.1' }, '/allowedHosts'],
  ])('rejects %p with a DeliveryConfigError at %s', (options, pointer) => {
    expect(() => resolveDeliveryOptions(options as never)).toThrow(
      expect.objectContaining({ name: 'DeliveryConfigError', code: 'HOOKLINE_INVALID_DELIVERY_OPTIONS', pointer }),
    );
  });

  it('accepts the 30 s ceiling', () => {
    expect(resolveDeliveryOptions({ timeoutMs: 30_000 }).timeoutMs).toBe(30_000);
  });
});

describe('resolveTransportOptions', () => {
  it('defaults maxSockets to 256 and rejects nonsense', () => {
    expect(resolveTransportOptions()).toEqual({ maxSockets: 256 });
    expect(() => resolveTransportOptions({ maxSockets: 0 })).toThrow(expect.objectContaining({ pointer: '/maxSockets' }));
  });
});
