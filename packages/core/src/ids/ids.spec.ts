import { isId, newId } from './ids';

describe('ids', () => {
  it('prefixes each kind and validates only its own kind', () => {
    const id = newId('delivery');
    expect(id).toMatch(/^dlv_[0-9A-Z]{26}$/);
    expect(isId('delivery', id)).toBe(true);
    expect(isId('message', id)).toBe(false);
    expect(isId('delivery', "dlv_' OR 1=1 --")).toBe(false);
  });

  it('sorts in creation order even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newId('message', 1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
  });
});
