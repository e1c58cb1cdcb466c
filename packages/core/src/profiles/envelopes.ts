/** What every envelope is built from: the message as stored, plus the id the receiver de-duplicates on. */
export interface EnvelopeInput {
  /** Stable for this message at this subscription across every retry and resend (the delivery id). */
  eventId: string;
  messageId: string;
  type: string;
  tenant: string;
  occurredAt: Date;
  data: unknown;
}

/** Turns a stored message into the JSON object a subscriber receives. Must be deterministic. */
export type EnvelopeBuilder = (input: EnvelopeInput) => Record<string, unknown>;

/** Envelope shapes taken from each seed platform's documented payload, key order included. */
export const envelopes = {
  // Standard Webhooks' recommended payload structure.
  standard: (m) => ({ id: m.eventId, type: m.type, timestamp: m.occurredAt.toISOString(), data: m.data }),
  // Mage Loyalty: `shop` is the store the event belongs to, which is our tenant.
  mage: (m) => ({ event: m.type, shop: m.tenant, timestamp: m.occurredAt.toISOString(), data: m.data }),
  // Loyali's ids look like `whd_…`: per delivery, so the delivery id is the faithful choice.
  loyali: (m) => ({ id: m.eventId, event_type: m.type, created_at: isoSeconds(m.occurredAt), data: m.data }),
  // LoyalPro's handlers switch on `type` and tell receivers to de-duplicate on the event id.
  loyalpro: (m) => ({ id: m.eventId, type: m.type, created_at: m.occurredAt.toISOString(), data: m.data }),
  mgpass: (m) => ({ event_type: m.type, data: m.data, timestamp: m.occurredAt.toISOString() }),
} satisfies Record<string, EnvelopeBuilder>;

/** The name of a built-in envelope shape. */
export type EnvelopeName = keyof typeof envelopes;

// Loyali shows `2024-01-20T14:30:00Z`: whole seconds, no milliseconds.
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
