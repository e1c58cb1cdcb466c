import type { WebhookAttemptEntity } from '../storage/webhook-attempt.entity';
import type { DeliveryStatus, WebhookDeliveryEntity } from '../storage/webhook-delivery.entity';
import type { RecordedHeaders } from '../worker/recorded-headers';

export interface AttemptView {
  id: string;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  /** The headers the request went with, signatures and credentials masked, without the subscription's own; null on attempts recorded before 0.2. */
  requestHeaders: Record<string, string> | null;
  /** How many of the subscription's own headers also went with it: sealed with the subscription, so not kept in the log. */
  subscriptionHeaderCount: number;
  /** The response's headers (cookies and credentials masked, at most 8 KiB); null when no response arrived. */
  responseHeaders: Record<string, string> | null;
  /** True when the response's headers ran past 8 KiB and the rest were not kept. */
  responseHeadersTruncated: boolean;
  error: string | null;
}

export interface DeliveryView {
  id: string;
  tenant: string;
  messageId: string;
  subscriptionId: string;
  eventType: string;
  /** The message's ordering key, if it had one: this delivery went only after the one before it of the same key. */
  orderingKey: string | null;
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeliveryWithAttempts extends DeliveryView {
  /**
   * The body every attempt sent, rebuilt from the message (through `redactPayload` when the host
   * set one); null when the subscription, and so its profile, is gone.
   */
  body: string | null;
  attempts: AttemptView[];
}

export function toDeliveryView(row: WebhookDeliveryEntity): DeliveryView {
  return {
    id: row.id,
    tenant: row.tenant,
    messageId: row.messageId,
    subscriptionId: row.subscriptionId,
    eventType: row.eventType,
    orderingKey: row.orderingKey,
    status: row.status,
    attemptCount: row.attemptCount,
    nextAttemptAt: row.nextAttemptAt,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toAttemptView(row: WebhookAttemptEntity): AttemptView {
  const headers = row.headers ? (JSON.parse(row.headers) as RecordedHeaders) : null;
  return {
    id: row.id,
    startedAt: row.startedAt,
    durationMs: row.durationMs,
    statusCode: row.statusCode,
    responseExcerpt: row.responseExcerpt,
    requestHeaders: headers?.request ?? null,
    responseHeaders: headers?.response ?? null,
    responseHeadersTruncated: headers?.responseTruncated === true,
    subscriptionHeaderCount: headers?.ownHeaders ?? 0,
    error: row.error,
  };
}
