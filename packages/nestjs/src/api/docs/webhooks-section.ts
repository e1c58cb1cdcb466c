import { describeWebhookRequest, type EventCatalog, type EventTypeDefinition, type ResolvedProfile } from '@hookline/core';
import type { OperationObject, PathItemObject, SchemaObject } from '@nestjs/swagger';

/** The OpenAPI 3.1 `webhooks` of a catalog under one profile, and the component schemas they refer to. */
export interface WebhooksSection {
  webhooks: Record<string, PathItemObject>;
  schemas: Record<string, SchemaObject>;
}

/**
 * One webhook per event type: the POST its subscribers receive, headers and envelope read off a
 * real request (describeWebhookRequest), so partners can generate types and mocks from it.
 * Component names are the type's name in PascalCase (`PointsEarnedData`, `PointsEarnedWebhook`);
 * `taken` holds the names already in the document, which a clash never overwrites.
 */
export function buildWebhooksSection(catalog: EventCatalog, profile: ResolvedProfile, taken: ReadonlySet<string>): WebhooksSection {
  const names = new Set(taken);
  const section: WebhooksSection = { webhooks: {}, schemas: {} };
  for (const definition of catalog.list()) {
    const base = pascalCase(definition.name);
    const dataName = claim(`${base}Data`, names);
    const envelopeName = claim(`${base}Webhook`, names);
    const contract = describeWebhookRequest(profile, definition, { dataSchema: { $ref: `#/components/schemas/${dataName}` } });
    section.schemas[dataName] = structuredClone(definition.schema ?? { type: 'object' }) as SchemaObject;
    section.schemas[envelopeName] = contract.envelope.schema as SchemaObject;
    const operation: OperationObject = {
      operationId: envelopeName,
      summary: definition.name,
      description: describeOperation(definition, profile),
      ...(definition.group ? { tags: [`Webhooks: ${definition.group}`] } : {}),
      ...(definition.deprecated ? { deprecated: true } : {}),
      parameters: contract.headers.map(({ name, description, schema, example }) => ({
        name,
        in: 'header',
        required: true,
        description,
        schema: schema as SchemaObject,
        ...(example !== undefined ? { example } : {}),
      })),
      requestBody: {
        required: true,
        description: 'The envelope, byte for byte as signed: verify the signature over the raw body before parsing it.',
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${envelopeName}` }, example: contract.envelope.example } },
      },
      responses: RESPONSES,
    };
    section.webhooks[definition.name] = { post: operation };
  }
  return section;
}

function describeOperation(definition: EventTypeDefinition, profile: ResolvedProfile): string {
  const delays = profile.retryPolicy.delays();
  const listed = delays.slice(0, LISTED_DELAYS).map(formatDelay).join(', ');
  const schedule = delays.length > LISTED_DELAYS ? `${listed}, … (${delays.length} retries in all)` : listed;
  return (
    `${definition.description}\n\nSent in the \`${profile.profile.name}\` wire profile, the module's; a subscription ` +
    `with a profile of its own receives that profile's headers and envelope instead. Not answered with a 2xx, ` +
    `a delivery is ${delays.length > 0 ? `retried after ${schedule}` : 'not retried'}.`
  );
}

const LISTED_DELAYS = 8;

const RESPONSES: OperationObject['responses'] = {
  '2XX': { description: 'Received: the delivery is done. Answer quickly and do the work afterwards.' },
  '410': { description: 'Gone: the delivery is not retried and the subscription is disabled.' },
  default: { description: "Anything else, or no answer in time: retried on the profile's schedule; a Retry-After header is honoured." },
};

/** `customer.tier_upgrade` → `CustomerTierUpgrade`. */
function pascalCase(name: string): string {
  return name
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function claim(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}

function formatDelay(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000} min`;
  return ms % 1_000 === 0 ? `${ms / 1_000} s` : `${ms} ms`;
}
