import { buildWebhookRequest, type EnvelopeInput, type ResolvedProfile, type WebhookRequest } from '../profiles';
import { generateSecret } from '../signing';
import { probeAttemptAt } from './probe-message';

// The probe's signature is never shown, so any well-formed secret will do; a fixed one keeps the request deterministic.
const zeroBytes = (size: number) => Buffer.alloc(size);

/** The request buildWebhookRequest makes of `message` under `resolved`, as a first attempt would send it. */
export function probeRequest(resolved: ResolvedProfile, message: EnvelopeInput): WebhookRequest {
  return buildWebhookRequest(resolved, {
    url: 'https://receiver.example/webhooks',
    secrets: [generateSecret({ scheme: resolved.signer.options.scheme }, zeroBytes)],
    message,
    attemptAt: probeAttemptAt(message),
  });
}
