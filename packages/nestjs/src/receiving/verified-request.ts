import type { VerifiedWebhook } from '@hookline/engine';

/** Metadata key of the sender a route verifies against. */
export const WEBHOOK_SENDER = 'hookline:webhook-sender';

/** Where the guard leaves what it verified, for `@WebhookEvent()`. */
const VERIFIED = Symbol('hookline.verifiedWebhook');

export interface RequestWithRawBody {
  rawBody?: Buffer;
  headers: Record<string, string | string[] | undefined>;
  [VERIFIED]?: VerifiedWebhook;
}

export function rememberVerified(request: RequestWithRawBody, verified: VerifiedWebhook): void {
  request[VERIFIED] = verified;
}

export function verifiedOf(request: RequestWithRawBody): VerifiedWebhook | undefined {
  return request[VERIFIED];
}
