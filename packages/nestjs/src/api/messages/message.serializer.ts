import type { MessageWithDeliveries } from '@hookline/engine';
import { deliveryResource } from '../deliveries/delivery.serializer';
import { iso, resource } from '../documents/resource';

/** A message with its deliveries, JSON:API style: linked under `relationships`, in full under `included`. */
export function messageDocument(view: MessageWithDeliveries) {
  const deliveries = view.deliveries.map(deliveryResource);
  return {
    data: {
      ...resource('webhook_message', view.id, {
        event_type: view.type,
        data: view.data,
        channels: view.channels,
        idempotency_key: view.idempotencyKey,
        trace_context: view.traceContext,
        created_at: iso(view.createdAt),
      }),
      relationships: { deliveries: { data: deliveries.map(({ type, id }) => ({ type, id })) } },
    },
    included: deliveries,
  };
}
