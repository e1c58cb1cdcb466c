import { HostAllowlist } from './host-allowlist';
import { assertSafeUrl, classifyAddress } from './ssrf-guard';
import { UnsafeUrlError } from './unsafe-url-error';

// Pure checks: nothing in this file opens a socket.
describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['169.254.169.254', 'linkLocal'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['::7f00:2', 'loopback'],
    ['::a9fe:a9fe', 'linkLocal'],
    ['::169.254.169.254', 'linkLocal'],
    ['::10.0.0.1', 'private'],
    ['::0.0.0.2', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['198.18.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['2002:a00:1::1', '6to4'],
    ['64:ff9b::10.0.0.1', 'rfc6052'],
    ['2001::a00:1', 'teredo'],
    ['not-an-ip', 'invalid'],
  ])('refuses %s as %s', (ip, reason) => {
    expect(classifyAddress(ip)).toBe(reason);
  });

  it.each(['8.8.8.8', '2606:4700::1111', '[2606:4700::1111]'])('accepts %s as public', (ip) => {
    expect(classifyAddress(ip)).toBe('public');
  });
});

describe('assertSafeUrl', () => {
  const refusal = (url: string, options = {}): UnsafeUrlError => {
    try {
      assertSafeUrl(url, options);
    } catch (error) {
      if (error instanceof UnsafeUrlError) return error;
      throw error;
    }
    throw new Error(`${url} was accepted`);
  };

  it('accepts a public https URL and returns it parsed', () => {
    expect(assertSafeUrl('https://example.com/hooks?x=1').hostname).toBe('example.com');
    expect(assertSafeUrl('https://8.8.8.8:8443/').port).toBe('8443');
  });

  it.each(['http://2130706433/', 'http://0x7f.0.0.1/', 'http://017700000001/', 'http://127.1/', 'http://[::ffff:7f00:1]/', 'http://[::1]/'])(
    'sees through the loopback spelling %s',
    (url) => {
      const error = refusal(url, { allowHttp: true });
      expect(error.code).toBe('HOOKLINE_UNSAFE_URL');
      expect(error.message).toMatch(/loopback.*allowedHosts/);
    },
  );

  it('refuses the cloud metadata endpoint', () => {
    expect(refusal('https://169.254.169.254/latest/meta-data').message).toMatch(/cloud metadata/);
  });

  it.each(['http://[::169.254.169.254]/', 'http://[::a9fe:a9fe]/', 'http://[::10.0.0.1]/', 'http://[::127.0.0.1]/', 'http://[::7f00:2]/'])(
    'judges the IPv4-compatible %s by the IPv4 address it embeds',
    (url) => {
      expect(refusal(url, { allowHttp: true }).message).toMatch(/(loopback|private|cloud metadata).*(allowedHosts)/);
    },
  );

  it.each([
    ['https://[::ffff:169.254.169.254]/', ['169.254.169.254']],
    ['https://[fd00:ec2:0::254]/', ['fd00::/8']],
    ['https://METADATA.goog./', ['metadata.goog']],
  ])('refuses the cloud metadata service %s even where allowedHosts %p opens it', (url, allowedHosts) => {
    expect(refusal(url, { allowedHosts }).message).toMatch(/cloud metadata service, which no allowedHosts entry can open/);
  });

  it('still lets a CIDR open the rest of its range around a metadata address', () => {
    expect(() => assertSafeUrl('https://169.254.10.1/', { allowedHosts: ['169.254.0.0/16'] })).not.toThrow();
    expect(() => assertSafeUrl('https://100.100.100.201/', { allowedHosts: ['100.64.0.0/10'] })).not.toThrow();
  });

  it('refuses credentials in the URL without echoing them', () => {
    const error = refusal('https://user:pw@example.com');
    expect(error.message).toMatch(/user:password@/);
    expect(error.message).not.toContain('pw');
  });

  it('refuses plain http unless allowHttp, and says how to allow it', () => {
    expect(refusal('http://example.com/').message).toMatch(/allowHttp/);
    expect(assertSafeUrl('http://example.com/', { allowHttp: true }).protocol).toBe('http:');
  });

  it.each(['ftp://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', '/relative'])('refuses %s', (url) => {
    expect(refusal(url)).toBeInstanceOf(UnsafeUrlError);
  });

  it('refuses localhost names without resolving them', () => {
    expect(refusal('https://localhost:3000/').message).toMatch(/this machine/);
    expect(refusal('https://api.localhost/').message).toMatch(/this machine/);
  });

  it('lets allowedHosts exempt an IP, a CIDR or a hostname', () => {
    expect(() => assertSafeUrl('https://127.0.0.1/', { allowedHosts: ['127.0.0.1'] })).not.toThrow();
    expect(() => assertSafeUrl('https://10.1.2.3/', { allowedHosts: ['10.0.0.0/8'] })).not.toThrow();
    expect(() => assertSafeUrl('https://[::ffff:7f00:1]/', { allowedHosts: ['127.0.0.0/8'] })).not.toThrow();
    expect(() => assertSafeUrl('https://localhost/', { allowedHosts: ['LOCALHOST'] })).not.toThrow();
    expect(refusal('https://10.0.0.1/', { allowedHosts: ['127.0.0.1'] }).message).toMatch(/private/);
  });
});

describe('allowedHosts entries with a port', () => {
  const allowedHosts = ['127.0.0.1:3000', '[::1]:8080', 'localhost:3000', '10.0.0.0/8:443'];
  const check = (url: string) => () => assertSafeUrl(url, { allowHttp: true, allowedHosts });

  it.each(['http://127.0.0.1:3000/hook', 'http://[::1]:8080/', 'http://localhost:3000/', 'https://10.1.2.3/', 'https://10.1.2.3:443/'])('open %s', (url) => {
    expect(check(url)).not.toThrow();
  });

  it.each(['http://127.0.0.1:3001/', 'http://127.0.0.1/', 'http://[::1]:3000/', 'http://localhost:8080/', 'http://10.1.2.3/'])('leave %s refused', (url) => {
    expect(check(url)).toThrow(UnsafeUrlError);
  });

  it('open nothing where the port is not known', () => {
    const list = HostAllowlist.from(allowedHosts);
    expect([list.allowsAddress('127.0.0.1'), list.allowsHost('localhost'), list.allowsAddress('127.0.0.1', 3000)]).toEqual([false, false, true]);
  });
});

describe('HostAllowlist', () => {
  it.each([['*'], ['10.0.0.0/33'], ['http://127.0.0.1'], [42], ['127.0.0.1:0'], ['127.0.0.1:65536'], ['[::1]:x']])('rejects the entry %p with a config error', (entry) => {
    expect(() => HostAllowlist.from([entry as string])).toThrow(
      expect.objectContaining({ code: 'HOOKLINE_INVALID_DELIVERY_OPTIONS', pointer: '/allowedHosts/0' }),
    );
  });
});
