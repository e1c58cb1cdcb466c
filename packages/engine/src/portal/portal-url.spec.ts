import { portalUrl } from './portal-url';

describe('portalUrl', () => {
  it('puts the token in the fragment, which no server, log or Referer sees', () => {
    expect(portalUrl('https://api.example.com/v1/dashboard', 'hlp_abc')).toBe('https://api.example.com/v1/dashboard#portal=hlp_abc');
  });
});
