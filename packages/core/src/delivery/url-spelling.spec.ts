import { assertUnambiguousUrl } from './url-spelling';

describe('assertUnambiguousUrl', () => {
  it.each([
    ['http://hooks.example/in\r\nX-Injected: 1', 'U+000D at position 23'],
    [' https://hooks.example/', 'U+0020 at position 0'],
    ['https://hooks.example/ ', 'U+0020 at position 22'],
    ['https://hooks.\texample/', 'U+0009'],
    ['https://hooks.example/\u0000', 'U+0000'],
    ['https://good.com\\@10.0.0.1/', 'U+005C'],
    ['https://hooks.example/\u00a0', 'U+00A0'],
    ['https://hooks.example/\u2028', 'U+2028'],
    ['https://hooks.example/\u0085', 'U+0085'],
  ])('refuses %j, naming %s', (url, where) => {
    expect(() => assertUnambiguousUrl(url)).toThrow(expect.objectContaining({ code: 'HOOKLINE_UNSAFE_URL', message: expect.stringContaining(where) }));
  });

  it.each(['https://hooks.example/in?a=b%20c', 'https://exämple.com/päth', 'https://[::1]:8443/x#frag'])('accepts %s', (url) => {
    expect(() => assertUnambiguousUrl(url)).not.toThrow();
  });
});
