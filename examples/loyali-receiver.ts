import { verifyWebhook } from '@hookline/core';

// A receiver for the `loyali` profile: `X-Loyali-Signature: t=<unix>,v1=<hex>`.
export function isAuthentic(rawBody: Buffer, headers: Record<string, string>, secret: string): boolean {
  try {
    verifyWebhook({ scheme: 'timestamped', header: 'X-Loyali-Signature' }, { body: rawBody, headers, secrets: secret, toleranceSec: 300 });
    return true;
  } catch {
    return false;
  }
}
