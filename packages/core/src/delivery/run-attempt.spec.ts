import { resolveDeliveryOptions } from './delivery-options';
import { runAttempt, type Exchange } from './run-attempt';

// The exchange only counts: no socket is opened anywhere in this file.
describe('runAttempt', () => {
  const options = resolveDeliveryOptions({ allowedHosts: ['169.254.0.0/16'] });

  // URLs stored before the guard knew these spellings still reach the sender.
  it.each(['https://[::127.0.0.1]/hook', 'https://[::a9fe:a9fe]/hook', 'https://[::10.0.0.1]/hook', 'https://[::ffff:a9fe:a9fe]/hook', 'https://169.254.169.254/'])(
    'records %s as unsafe-url without calling the exchange',
    async (url) => {
      const exchange = jest.fn<ReturnType<Exchange>, Parameters<Exchange>>();
      const outcome = await runAttempt({ url, headers: {}, body: '{}' }, options, exchange);
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'unsafe-url' } });
      expect(exchange).not.toHaveBeenCalled();
    },
  );
});
