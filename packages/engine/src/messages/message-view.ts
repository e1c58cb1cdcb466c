import type { DeliveryView } from '../deliveries/delivery-view';
import type { WebhookMessageEntity } from '../storage/webhook-message.entity';

/** One published event as callers see it. */
export interface MessageView {
  id: string;
  tenant: string;
  type: string;
  data: unknown;
  channels: string[] | null;
  idempotencyKey: string | null;
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
    createdAt: row.createdAt,
  };
}
