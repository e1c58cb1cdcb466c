import { resolveOptions } from './resolve-options';
import { WebhooksConfigError } from './webhooks-config-error';

const key = Buffer.alloc(32, 1).toString('base64');

describe('the migrations option', () => {
  it('defaults to auto outside production', () => {
    expect(resolveOptions({}, { NODE_ENV: 'development' }).migrations).toBe('auto');
    expect(resolveOptions({ encryptionKey: key }, {}).migrations).toBe('auto');
  });

  it('defaults to check with NODE_ENV=production', () => {
    expect(resolveOptions({ encryptionKey: key }, { NODE_ENV: 'production' }).migrations).toBe('check');
  });

  it('keeps what the host chose', () => {
    expect(resolveOptions({ encryptionKey: key, migrations: 'auto' }, { NODE_ENV: 'production' }).migrations).toBe('auto');
    expect(resolveOptions({ migrations: 'off' }, { NODE_ENV: 'test' }).migrations).toBe('off');
  });

  it('refuses anything else, pointing at the option', () => {
    const attempt = () => resolveOptions({ migrations: 'always' as never }, { NODE_ENV: 'test' });
    expect(attempt).toThrow(WebhooksConfigError);
    expect(attempt).toThrow("migrations must be 'auto', 'check' or 'off', got \"always\".");
  });
});
