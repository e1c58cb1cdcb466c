import type { EventTypeDefinition } from '../catalog';
import type { ResolvedProfile } from '../profiles';
import { envelopeSchema } from './envelope-schema';
import { headerContracts } from './header-contracts';
import { probeMessage } from './probe-message';
import { probeRequest } from './probe-request';
import type { JsonSchema, WebhookRequestContract } from './webhook-contract';

/**
 * What a subscriber to `definition` receives under `resolved`, for API docs. It is read off a
 * request built by buildWebhookRequest, the function every delivery attempt uses, for a probe
 * message carrying the type's example: the docs cannot describe headers or an envelope that
 * deliveries do not send. `dataSchema` replaces the type's own schema, e.g. with a `$ref`.
 */
export function describeWebhookRequest(
  resolved: ResolvedProfile,
  definition: EventTypeDefinition,
  options: { dataSchema?: JsonSchema } = {},
): WebhookRequestContract {
  // A copy, so neither a custom envelope nor a caller can change the catalog's example.
  const message = probeMessage(definition.name, structuredClone(definition.example ?? {}));
  const request = probeRequest(resolved, message);
  const dataSchema = options.dataSchema ?? structuredClone(definition.schema ?? { type: 'object' });
  return {
    profile: resolved.profile.name,
    headers: headerContracts(request, resolved, message),
    envelope: {
      schema: envelopeSchema(resolved.buildEnvelope(message), message, dataSchema),
      example: JSON.parse(request.body) as Record<string, unknown>,
    },
  };
}
