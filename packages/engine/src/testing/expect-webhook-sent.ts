import { isDeepStrictEqual } from 'node:util';
import type { RecordedRequest } from './recorded-request';
import type { RecordingTransport } from './recording-transport';
import { describeRequest, sentEvent } from './sent-event';
import { signatureProblem, type SentBy } from './verify-recorded';
import { WebhookAssertionError } from './webhook-assertion-error';

export interface SentWebhookExpectation {
  /** The event type, e.g. `points.earned`. */
  event: string;
  /** The subscription it went to (what `subscriptions.create` returned: its `secret` is checked too). */
  subscription?: { url: string; secret?: string };
  /** The endpoint it went to, instead of `subscription`. */
  url?: string;
  /** Verify the signature with this secret (default: the subscription's, when it carries one). */
  secret?: string;
  /** The event's `data`, compared whole. */
  data?: unknown;
  /** How it is signed, when not a built-in profile's format (which is detected from the headers). */
  sender?: SentBy;
  /** Exactly this many matching requests (attempts included); default at least one. */
  times?: number;
}

/**
 * Throws a WebhookAssertionError unless the recorder holds a request of this event to this
 * endpoint, with this data, whose signature verifies with this secret; the message lists what
 * was sent instead. Returns the first matching request.
 */
export function expectWebhookSent(recorder: RecordingTransport, expected: SentWebhookExpectation): RecordedRequest {
  const url = expected.url ?? expected.subscription?.url;
  const secret = expected.secret ?? expected.subscription?.secret;
  const wanted = `a "${expected.event}" webhook${url ? ` to ${url}` : ''}`;
  const all = recorder.requests;
  const ofEvent = all.filter((request) => sentEvent(request).type === expected.event && (url === undefined || request.url === url));
  if (ofEvent.length === 0) fail(`Expected ${wanted}, but none was sent.`, all);
  const withData = expected.data === undefined ? ofEvent : ofEvent.filter((request) => isDeepStrictEqual(sentEvent(request).data, expected.data));
  if (withData.length === 0) {
    const seen = ofEvent.map((request) => `  - ${JSON.stringify(sentEvent(request).data)}`).join('\n');
    throw new WebhookAssertionError(`Expected ${wanted} with data ${JSON.stringify(expected.data)}, but it was sent with other data:\n${seen}`);
  }
  let matching = withData;
  if (secret !== undefined) {
    const problems = withData.map((request) => signatureProblem(request, secret, expected.sender));
    matching = withData.filter((_request, index) => problems[index] === null);
    if (matching.length === 0) {
      throw new WebhookAssertionError(`Expected ${wanted} signed with the given secret, but its signature does not verify: ${problems[0]}.`);
    }
  }
  if (expected.times !== undefined && matching.length !== expected.times) {
    fail(`Expected ${wanted} ${expected.times} time(s), but it was sent ${matching.length} time(s).`, all);
  }
  return matching[0];
}

/** Throws unless no request of this event (to this endpoint, when given) was recorded. */
export function expectNoWebhookSent(recorder: RecordingTransport, expected: { event?: string; url?: string; subscription?: { url: string } }): void {
  const url = expected.url ?? expected.subscription?.url;
  const sent = recorder.requests.filter(
    (request) => (expected.event === undefined || sentEvent(request).type === expected.event) && (url === undefined || request.url === url),
  );
  if (sent.length > 0) fail(`Expected no ${expected.event ? `"${expected.event}" ` : ''}webhook${url ? ` to ${url}` : ''}, but ${sent.length} ${sent.length === 1 ? 'was' : 'were'} sent.`, sent);
}

function fail(message: string, sent: readonly RecordedRequest[]): never {
  const listing = sent.length === 0 ? 'Nothing was sent at all (was drain() awaited after publishing?).' : `Sent (${sent.length}):\n${sent.map((request) => `  - ${describeRequest(request)}`).join('\n')}`;
  throw new WebhookAssertionError(`${message}\n${listing}`);
}
