/** A JSON Schema object, as API documents embed it. */
export type JsonSchema = Record<string, unknown>;

/** One header a subscriber receives, described rather than shown where its value is a secret's work. */
export interface HeaderContract {
  /** Spelled as sent; HTTP header names are case-insensitive. */
  name: string;
  description: string;
  schema: JsonSchema;
  /** What a real request carries; absent for signatures, which an example could only fake. */
  example?: string;
}

/**
 * The request one event type's subscribers receive under one wire profile: its headers and its
 * body (the envelope around the event's data), each with a schema and an example.
 */
export interface WebhookRequestContract {
  profile: string;
  headers: HeaderContract[];
  envelope: { schema: JsonSchema; example: Record<string, unknown> };
}
