import type { WebhookRequest } from '@hookline/core';

/**
 * The request with a subscription's own headers added under the ones it was built with: a name
 * the builder set (signature, id, timestamp, content type…) is never replaced, whatever its case.
 * Validation refuses such names up front; this keeps it so should a profile change later.
 */
export function withSubscriptionHeaders(request: WebhookRequest, own: Readonly<Record<string, string>>): WebhookRequest {
  const built = new Set(Object.keys(request.headers).map((name) => name.toLowerCase()));
  const added = Object.fromEntries(Object.entries(own).filter(([name]) => !built.has(name.toLowerCase())));
  return { ...request, headers: { ...added, ...request.headers } };
}
