import { dashboardUrlProblem } from './dashboard-url';
import { resolveOptions } from './resolve-options';

describe("the dashboard's public URL (portal.dashboardUrl)", () => {
  it('is an absolute http(s) URL without a fragment', () => {
    for (const url of ['https://api.example.com/v1/dashboard', 'http://127.0.0.1:3000/v1/dashboard', 'https://example.com/dashboard?tab=1']) {
      expect([url, dashboardUrlProblem(url)]).toEqual([url, null]);
    }
    for (const url of ['/v1/dashboard', 'api.example.com/dashboard', 'javascript:alert(1)', 'ftp://example.com', 'https://example.com/d#x', 42, undefined]) {
      expect([url, dashboardUrlProblem(url)]).toEqual([url, expect.any(String)]);
    }
  });

  it('stops start-up with a typed error when it is not', () => {
    expect(() => resolveOptions({ portal: { dashboardUrl: '/dashboard' } }, { NODE_ENV: 'test' })).toThrow(
      expect.objectContaining({ code: 'HOOKLINE_INVALID_MODULE_OPTIONS', pointer: '/portal/dashboardUrl' }),
    );
    expect(resolveOptions({}, { NODE_ENV: 'test' }).portal).toEqual({ dashboardUrl: null });
  });
});
