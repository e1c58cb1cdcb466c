/**
 * Express announces itself in `X-Powered-By` on every answer. Only the host may turn that off
 * app-wide (`app.disable('x-powered-by')`), so the module drops it from its own answers.
 */
export function removePoweredBy(response: unknown): void {
  (response as { removeHeader?(name: string): void }).removeHeader?.('X-Powered-By');
}
