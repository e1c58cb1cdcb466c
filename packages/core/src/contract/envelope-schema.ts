import { idPattern } from '../ids';
import type { EnvelopeInput } from '../profiles';
import type { JsonSchema } from './webhook-contract';

/**
 * The schema of an envelope, read off the envelope a profile built for the probe message: each
 * value the probe put in is recognised and described, `data` becomes `dataSchema`, and anything
 * a custom envelope made up itself is typed by its value.
 */
export function envelopeSchema(envelope: Record<string, unknown>, message: EnvelopeInput, dataSchema: JsonSchema): JsonSchema {
  return schemaOf(envelope, message, dataSchema);
}

function schemaOf(value: unknown, message: EnvelopeInput, dataSchema: JsonSchema): JsonSchema {
  // By identity: built-in envelopes place `data` as it is, so a look-alike elsewhere is not mistaken for it.
  if (value === message.data) return dataSchema;
  const json = toJsonValue(value);
  const field = messageField(json, message);
  if (field) return field;
  if (Array.isArray(json)) return { type: 'array' };
  if (json !== null && typeof json === 'object') {
    // JSON.stringify drops undefined fields, so the receiver never sees them.
    const entries = Object.entries(json).filter(([, field]) => field !== undefined);
    return {
      type: 'object',
      required: entries.map(([name]) => name),
      properties: Object.fromEntries(entries.map(([name, field]) => [name, schemaOf(field, message, dataSchema)])),
    };
  }
  return { type: json === null ? 'null' : typeof json === 'number' && Number.isInteger(json) ? 'integer' : typeof json };
}

function messageField(value: unknown, message: EnvelopeInput): JsonSchema | undefined {
  if (value === message.eventId) {
    return {
      type: 'string',
      pattern: idPattern('delivery'),
      description: 'The event id: the same on every retry and resend of this event to this subscription; de-duplicate on it.',
    };
  }
  if (value === message.messageId) {
    return { type: 'string', pattern: idPattern('message'), description: 'The message id, the same for every subscription the event went to.' };
  }
  if (value === message.type) return { type: 'string', const: message.type, description: 'The event type.' };
  if (value === message.tenant) return { type: 'string', description: 'The tenant (shop, application) the event belongs to.' };
  if (isTimeOf(value, message.occurredAt)) {
    return { type: 'string', format: 'date-time', description: 'When the event occurred (ISO 8601, UTC); the same on every retry.' };
  }
  if (value === message.occurredAt.getTime() / 1000) return { type: 'integer', description: 'When the event occurred, in unix seconds.' };
  return undefined;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function isTimeOf(value: unknown, time: Date): boolean {
  return typeof value === 'string' && ISO_TIME.test(value) && Date.parse(value) === time.getTime();
}

/** What JSON.stringify would send for the value (a Date becomes its ISO text). */
function toJsonValue(value: unknown): unknown {
  const withToJson = value as { toJSON?: () => unknown } | null;
  return typeof withToJson?.toJSON === 'function' ? withToJson.toJSON() : value;
}
