import { idPattern } from '../ids';
import type { EnvelopeInput, ResolvedProfile, WebhookRequest } from '../profiles';
import { describeSignature } from '../signing';
import { DEFAULT_TOLERANCE_SEC } from '../signing/signer-options';
import type { HeaderContract } from './webhook-contract';

/**
 * The headers of a request built for the probe message, in the order they are sent, each
 * described by what it carries. Names come from the request itself, so the list is the one
 * subscribers receive; the signature is described, never shown.
 */
export function headerContracts(request: WebhookRequest, resolved: ResolvedProfile, message: EnvelopeInput): HeaderContract[] {
  const options = resolved.signer.options;
  const signature = describeSignature(options);
  return Object.entries(request.headers).map(([name, value]): HeaderContract => {
    const lower = name.toLowerCase();
    if (lower === signature.header.toLowerCase()) {
      return {
        name,
        description: `The signature: ${signature.signs}. Value: ${signature.format}. Verify it over the raw body, before parsing it.`,
        schema: { type: 'string', pattern: signature.pattern },
      };
    }
    if (lower === options.timestampHeader?.toLowerCase()) {
      const iso = options.timestampFormat === 'iso';
      return {
        name,
        description:
          `When this attempt was sent and signed (${iso ? 'ISO 8601, UTC' : 'unix seconds'}); new on every retry. ` +
          `Reject a request more than ${DEFAULT_TOLERANCE_SEC / 60} minutes from your clock, to stop replays.`,
        schema: iso ? { type: 'string', format: 'date-time' } : { type: 'string', pattern: '^[0-9]+$' },
        example: value,
      };
    }
    if (value === message.eventId) {
      return { name, description: 'The event id, also in the body where the envelope has one: de-duplicate on it.', schema: { type: 'string', pattern: idPattern('delivery') }, example: value };
    }
    if (value === message.type) return { name, description: 'The event type.', schema: { type: 'string', const: value }, example: value };
    return { name, description: CONSTANT_DESCRIPTIONS[lower] ?? 'Sent with every request.', schema: { type: 'string', const: value }, example: value };
  });
}

const CONSTANT_DESCRIPTIONS: Record<string, string> = {
  'content-type': 'The body is JSON, UTF-8.',
  'user-agent': 'Identifies the sender.',
};
