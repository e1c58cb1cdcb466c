import { unixSeconds } from '../clock';
import type { ResolvedProfile } from './resolve-profile';
import { serializeEnvelope, type WebhookMessageInput } from './serialize-envelope';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  /** The exact string sent, and the exact string signed. */
  body: string;
}

/**
 * Builds the signed HTTP request for one attempt. The body is serialized once and those bytes
 * are both signed and sent, so a receiver verifying the raw body always matches. `message.data`
 * may be given as its stored JSON text (`dataJson`), which built-in envelopes splice in as is.
 */
export function buildWebhookRequest(
  resolved: ResolvedProfile,
  input: { url: string; secrets: string[]; message: WebhookMessageInput; attemptAt: Date },
): WebhookRequest {
  const { profile, signer } = resolved;
  const body = serializeEnvelope(resolved, input.message);
  const signature = signer.sign({
    id: input.message.eventId,
    timestamp: unixSeconds(input.attemptAt),
    body,
    secrets: input.secrets,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': profile.userAgent,
    ...profile.headers,
    ...signature,
  };
  if (profile.eventTypeHeader) headers[profile.eventTypeHeader] = input.message.type;
  if (profile.eventIdHeader) headers[profile.eventIdHeader] = input.message.eventId;
  return { url: input.url, headers, body };
}
