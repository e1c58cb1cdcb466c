import { applyDecorators, Header } from '@nestjs/common';

/**
 * Scripts and styles only from the page's own files (no inline code, no eval), data only from
 * the same origin (the API), framed by no page but the hosts named (`dashboard.frameAncestors`,
 * for portal sessions): what a page holding an API key must insist on.
 */
export function dashboardCsp(frameAncestors: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/** The policy of pages nobody embeds: the API docs, and the dashboard without `frameAncestors`. */
export const DASHBOARD_CSP = dashboardCsp();

/** The headers of every page the module serves (the dashboard and the API docs) and of their files. */
export function DashboardHeaders(): MethodDecorator {
  return applyDecorators(
    Header('Content-Security-Policy', DASHBOARD_CSP),
    Header('X-Content-Type-Options', 'nosniff'),
    Header('Referrer-Policy', 'no-referrer'),
    Header('Cache-Control', 'no-cache'),
  );
}
