import type { DeliveryView } from '../deliveries/delivery-view';
import type { WebhookMessageEntity } from '../storage/webhook-message.entity';
import type { TraceContext } from '../tracing/trace-context';

/** One published event as callers see it. */
export interface MessageView {
  id: string;
  tenant: string;
  type: string;
  data: unknown;
  channels: string[] | null;
  idempotencyKey: string | null;
  /** The W3C trace context it was published in, sent with each attempt; null when it had none. */
  traceContext: TraceContext | null;
  createdAt: Date;
}

export interface MessageWithDeliveries extends MessageView {
  deliveries: DeliveryView[];
}

export function toMessageView(row: WebhookMessageEntity): MessageView {
  return {
    id: row.id,
    tenant: row.tenant,
    type: row.type,
    data: JSON.parse(row.payload),
    channels: row.channels,
    idempotencyKey: row.idempotencyKey,
    traceContext: row.traceparent ? { traceparent: row.traceparent, ...(row.tracestate && { tracestate: row.tracestate }) } : null,
    createdAt: row.createdAt,
  };
}
