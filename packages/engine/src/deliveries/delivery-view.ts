import type { WebhookAttemptEntity } from '../storage/webhook-attempt.entity';
import type { DeliveryStatus, WebhookDeliveryEntity } from '../storage/webhook-delivery.entity';

export interface AttemptView {
  id: string;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
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
  return {
    id: row.id,
    startedAt: row.startedAt,
    durationMs: row.durationMs,
    statusCode: row.statusCode,
    responseExcerpt: row.responseExcerpt,
    error: row.error,
  };
}
