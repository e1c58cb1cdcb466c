import { applyDecorators, Header } from '@nestjs/common';

/**
 * Scripts and styles only from the page's own files (no inline code, no eval), data only from
 * the same origin (the API), no framing: what a page holding an API key must insist on.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers of every page the module serves (the dashboard and the API docs) and of their files. */
export function DashboardHeaders(): MethodDecorator {
  return applyDecorators(
    Header('Content-Security-Policy', DASHBOARD_CSP),
    Header('X-Content-Type-Options', 'nosniff'),
    Header('Referrer-Policy', 'no-referrer'),
    Header('Cache-Control', 'no-cache'),
  );
}
