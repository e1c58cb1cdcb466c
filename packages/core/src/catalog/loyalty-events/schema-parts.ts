import type { EventDataSchema } from '../event-type-definition';

// The seed platforms disagree on field names and types, so the catalog's schemas pin down
// only what every sender of a type provides and let anything else through.

/** A customer id: `cust_…` strings on most platforms, numeric ids on Shopify-based ones. */
export const customerId: EventDataSchema = { type: ['string', 'integer'] };
export const text: EventDataSchema = { type: 'string' };
/** Whole points; negative for deductions and manual adjustments. */
export const points: EventDataSchema = { type: 'integer' };
/** A money amount in major units (e.g. 89.99). */
export const money: EventDataSchema = { type: 'number', minimum: 0 };
export const timestamp: EventDataSchema = { type: 'string', format: 'date-time' };
/** A tier given either by name (`"Gold"`) or as `{ id, name }`, as the platforms differ. */
export const tier: EventDataSchema = {
  type: ['string', 'object'],
  properties: { id: text, name: text },
};

/** An object schema requiring `required` and typing `properties`; other fields are allowed. */
export function objectSchema(required: string[], properties: Record<string, EventDataSchema>): EventDataSchema {
  return { type: 'object', required, properties, additionalProperties: true };
}
