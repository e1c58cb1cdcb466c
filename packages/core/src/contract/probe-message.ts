import type { EnvelopeInput } from '../profiles';

/**
 * The message a contract is read off: every field has a value no other field can have, so each
 * value found in the built request names the field it came from. Whole seconds, so a time is
 * recognised whichever precision the envelope prints it with.
 */
export function probeMessage(type: string, data: unknown): EnvelopeInput {
  return {
    eventId: 'dlv_01JD3Q2Z8M6X4N5P7R9S1T3V5W',
    messageId: 'msg_01JD3Q2Z8K4B7C9D1E3F5G7H9J',
    type,
    tenant: 'my-store',
    occurredAt: new Date('2026-02-18T12:00:00.000Z'),
    data,
  };
}

/** When the probe's attempt is made: a few seconds after the event, as a real first attempt. */
export function probeAttemptAt(message: EnvelopeInput): Date {
  return new Date(message.occurredAt.getTime() + 5_000);
}
