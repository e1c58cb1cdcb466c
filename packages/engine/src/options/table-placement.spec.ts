import { WebhooksConfigError } from './webhooks-config-error';
import { checkPlacement, prefixedName, samePlacement } from './table-placement';

describe('checkPlacement', () => {
  it('keeps a schema on PostgreSQL and a prefix on MySQL, dropping what is unset', () => {
    expect(checkPlacement({ schema: 'hookline', tablePrefix: undefined }, 'postgres')).toEqual({ schema: 'hookline' });
    expect(checkPlacement({ tablePrefix: 'hl_' }, 'mysql')).toEqual({ tablePrefix: 'hl_' });
    expect(checkPlacement({}, 'sqlite')).toEqual({});
  });

  it.each([
    [{ schema: 'Hookline' }, '/database/schema', /lower-case PostgreSQL identifier/],
    [{ schema: 'hook line' }, '/database/schema', /lower-case/],
    [{ schema: '' }, '/database/schema', /lower-case/],
    [{ schema: 'a'.repeat(64) }, '/database/schema', /at most 63/],
    [{ tablePrefix: 'HL_' }, '/database/tablePrefix', /lower-case letters, digits or _/],
    [{ tablePrefix: 'hl;' }, '/database/tablePrefix', /lower-case letters/],
    [{ schema: 'a', tablePrefix: 'b_' }, '/database', /not both/],
  ])('refuses %j with a pointer and the fix', (placement, pointer, message) => {
    const run = () => checkPlacement(placement);
    expect(run).toThrow(WebhooksConfigError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ code: 'HOOKLINE_INVALID_MODULE_OPTIONS', pointer });
    }
  });

  it('names the setting each database takes instead', () => {
    expect(() => checkPlacement({ schema: 'hookline' }, 'mysql')).toThrow(/MySQL\/MariaDB use database\.tablePrefix/);
    expect(() => checkPlacement({ schema: 'hookline' }, 'sqlite')).toThrow(/SQLite, use a database file of its own/);
    expect(() => checkPlacement({ tablePrefix: 'hl_' }, 'postgres')).toThrow(/PostgreSQL use database\.schema/);
  });
});

describe('placed names', () => {
  it('carry the prefix, and only the prefix', () => {
    expect(prefixedName('webhook_delivery', { tablePrefix: 'hl_' })).toBe('hl_webhook_delivery');
    expect(prefixedName('webhook_delivery', { schema: 'hookline' })).toBe('webhook_delivery');
    expect(prefixedName('webhook_delivery', {})).toBe('webhook_delivery');
  });

  it('compare placements by where they put the tables', () => {
    expect(samePlacement({ schema: 'a' }, { schema: 'a', tablePrefix: undefined })).toBe(true);
    expect(samePlacement({}, { schema: 'a' })).toBe(false);
    expect(samePlacement({ tablePrefix: 'x_' }, { tablePrefix: 'y_' })).toBe(false);
  });
});
