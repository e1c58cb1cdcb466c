import { maskHeaderValues } from './mask-header-values';

describe('maskHeaderValues', () => {
  it('keeps every name and shows only the last four characters of values of 16 characters or more', () => {
    expect(maskHeaderValues({ 'X-Api-Key': 'sk_live_0123456789abcd', 'X-Short': 'abc123456789xyz', 'X-One': 'a' })).toEqual({
      'X-Api-Key': '••••abcd',
      'X-Short': '••••',
      'X-One': '••••',
    });
  });
});
