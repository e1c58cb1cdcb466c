/** A JSON Schema (draft-07) object describing an event type's `data`. */
export type EventDataSchema = Record<string, unknown>;

/** One kind of event an application may publish, e.g. `points.earned`. */
export interface EventTypeDefinition {
  /** Lowercase dot-separated name, e.g. `points.earned` or `customer.tier_upgrade`. */
  name: string;
  description: string;
  /** Schema for the message's `data`; without one, any JSON object is accepted. */
  schema?: EventDataSchema;
  /** Example `data`, checked against `schema` at registration so docs never drift. */
  example?: unknown;
  deprecated?: boolean;
  /** Heading under which dashboards and docs list the type, e.g. `points`. */
  group?: string;
}
