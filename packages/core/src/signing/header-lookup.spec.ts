import { readHeader } from './header-lookup';

describe('readHeader', () => {
  it('finds a header whatever the case of its name', () => {
    expect(readHeader({ 'x-webhook-signature': 'a' }, 'X-Webhook-Signature')).toBe('a');
    expect(readHeader({ 'X-WEBHOOK-SIGNATURE': 'b' }, 'x-webhook-signature')).toBe('b');
  });

  it('uses the first value of a repeated header', () => {
    expect(readHeader({ 'webhook-id': ['first', 'second'] }, 'webhook-id')).toBe('first');
  });

  it('treats an absent, empty or blank header as missing', () => {
    expect(readHeader({}, 'webhook-id')).toBeUndefined();
    expect(readHeader({ 'webhook-id': undefined }, 'webhook-id')).toBeUndefined();
    expect(readHeader({ 'webhook-id': [] }, 'webhook-id')).toBeUndefined();
    expect(readHeader({ 'webhook-id': '  ' }, 'webhook-id')).toBeUndefined();
  });
});
