import type { VerifiedWebhook } from '@hookline/engine';
import type { EntityManager } from 'typeorm';

/** Metadata key of the sender a route verifies against. */
export const WEBHOOK_SENDER = 'hookline:webhook-sender';
/** Metadata key of a route whose handler runs once per sender and event id. */
export const WEBHOOK_ONCE = 'hookline:webhook-once';

/** What `@WebhookEvent()` hands the handler. */
export interface ReceivedWebhook extends VerifiedWebhook {
  /**
   * On a `once: true` route, the transaction the inbox recorded the event id in: write with it,
   * and the handler's writes commit or roll back with that id.
   */
  manager?: EntityManager;
}

/** Where the guard leaves what it verified, for `@WebhookEvent()`. */
const VERIFIED = Symbol('hookline.verifiedWebhook');

export interface RequestWithRawBody {
  rawBody?: Buffer;
  headers: Record<string, string | string[] | undefined>;
  [VERIFIED]?: ReceivedWebhook;
}

export function rememberVerified(request: RequestWithRawBody, verified: ReceivedWebhook): void {
  request[VERIFIED] = verified;
}

export function verifiedOf(request: RequestWithRawBody): ReceivedWebhook | undefined {
  return request[VERIFIED];
}
