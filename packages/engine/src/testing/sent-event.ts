import type { RecordedRequest } from './recorded-request';

/** What a recorded request carried, read back from its JSON body whatever the profile's envelope. */
export interface SentEvent {
  /** The event type: `type` (standard, LoyalPro), `event` (Mage) or `event_type` (Loyali, mgPass). */
  type: string | undefined;
  data: unknown;
}

export function sentEvent(request: RecordedRequest): SentEvent {
  let envelope: unknown;
  try {
    envelope = JSON.parse(request.body);
  } catch {
    return { type: undefined, data: undefined };
  }
  const fields = envelope !== null && typeof envelope === 'object' ? (envelope as Record<string, unknown>) : {};
  const type = [fields.type, fields.event, fields.event_type].find((value) => typeof value === 'string') as string | undefined;
  return { type, data: fields.data };
}

/** One line per request, for failure messages: what was sent where, and how it was answered. */
export function describeRequest(request: RecordedRequest): string {
  const { type } = sentEvent(request);
  return `${type ?? '(no event type)'} → ${request.url} (answered ${request.answer}, at ${request.at.toISOString()})`;
}
