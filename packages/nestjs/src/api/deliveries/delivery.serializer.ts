import type { AttemptView, DeliveryView, DeliveryWithAttempts } from '@hookline/engine';
import { iso, resource, type ResourceObject } from '../documents/resource';

export interface AttemptAttributes {
  id: string;
  started_at: string;
  duration_ms: number;
  status_code: number | null;
  response_excerpt: string | null;
  request_headers: Record<string, string> | null;
  response_headers: Record<string, string> | null;
  response_headers_truncated: boolean;
  subscription_header_count: number;
  error: string | null;
}

export interface DeliveryAttributes {
  message_id: string;
  subscription_id: string;
  event_type: string;
  ordering_key: string | null;
  status: string;
  attempt_count: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
  body?: string | null;
  attempts?: AttemptAttributes[];
}

export function deliveryResource(view: DeliveryView | DeliveryWithAttempts): ResourceObject<DeliveryAttributes> {
  return resource('webhook_delivery', view.id, {
    message_id: view.messageId,
    subscription_id: view.subscriptionId,
    event_type: view.eventType,
    ordering_key: view.orderingKey,
    status: view.status,
    attempt_count: view.attemptCount,
    next_attempt_at: iso(view.nextAttemptAt),
    last_status_code: view.lastStatusCode,
    last_error: view.lastError,
    delivered_at: iso(view.deliveredAt),
    created_at: iso(view.createdAt),
    updated_at: iso(view.updatedAt),
    ...('attempts' in view ? { body: view.body, attempts: view.attempts.map(attemptAttributes) } : {}),
  });
}

function attemptAttributes(attempt: AttemptView): AttemptAttributes {
  return {
    id: attempt.id,
    started_at: iso(attempt.startedAt),
    duration_ms: attempt.durationMs,
    status_code: attempt.statusCode,
    response_excerpt: attempt.responseExcerpt,
    request_headers: attempt.requestHeaders,
    response_headers: attempt.responseHeaders,
    response_headers_truncated: attempt.responseHeadersTruncated,
    subscription_header_count: attempt.subscriptionHeaderCount,
    error: attempt.error,
  };
}
