import { presentedKey } from './presented-key';

describe('presentedKey', () => {
  it('reads "Authorization: <key>" as seed 001 sends it, and the Bearer form', () => {
    expect(presentedKey('hlk_abc')).toBe('hlk_abc');
    expect(presentedKey('Bearer hlk_abc')).toBe('hlk_abc');
    expect(presentedKey('  bearer   hlk_abc ')).toBe('hlk_abc');
  });

  it('finds no key in a missing, empty, repeated or other-scheme header', () => {
    for (const header of [undefined, '', '   ', 'Basic dXNlcjpwYXNz', 'Bearer a b', ['hlk_a', 'hlk_b']]) {
      expect(presentedKey(header as never)).toBeUndefined();
    }
  });
});
