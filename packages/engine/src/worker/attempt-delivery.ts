import { buildWebhookRequest, newId, type Clock, type DeliveryOutcome, type ResolvedProfile, type WebhookRequest } from '@hookline/core';
import type { SubscriptionHeaders } from '../secrets/subscription-headers';
import type { AttemptRecord, DeliveryWork } from '../storage/delivery-store';
import { addTraceHeaders } from '../tracing/trace-headers';
import type { Tracing } from '../tracing/tracing';
import { endpointSignal } from './endpoint-signal';
import { recordedHeaders } from './recorded-headers';
import { withSubscriptionHeaders } from './with-subscription-headers';

export type SendRequest = (request: WebhookRequest) => Promise<DeliveryOutcome>;

export interface AttemptDeps {
  send: SendRequest;
  clock: Clock;
  /** The attempt's span; the trace headers come from the message, not from it. */
  tracing: Tracing;
  headers: Pick<SubscriptionHeaders, 'open'>;
}

const EXCERPT_LIMIT = 4_096;

/**
 * One HTTP attempt of a claimed delivery and the row it leaves: what happened, and the delivery's
 * next state by the profile's retry policy. Never throws: a bug or a bad stored secret still ends
 * as a recorded failed attempt, not a stuck claim.
 */
export async function attemptDelivery(
  deps: AttemptDeps,
  item: DeliveryWork,
  profile: ResolvedProfile,
  secrets: () => string[],
  lease: Date,
): Promise<AttemptRecord> {
  const subscription = item.subscription!;
  const startedAt = deps.clock.now();
  const trace = deps.tracing.attempting(item);
  let outcome: DeliveryOutcome;
  let sent: WebhookRequest | undefined;
  let own: Readonly<Record<string, string>> | undefined;
  try {
    const built = buildWebhookRequest(profile, {
      url: subscription.url,
      secrets: secrets(),
      message: {
        eventId: item.id,
        messageId: item.messageId,
        type: item.type,
        tenant: item.tenant,
        occurredAt: item.occurredAt,
        // Spliced into the body as stored: no parse and re-serialize per attempt.
        dataJson: item.payload,
      },
      attemptAt: startedAt,
    });
    // The subscription's own headers, opened only for subscriptions that have some.
    own = subscription.headersEnc ? deps.headers.open(subscription.headersEnc) : undefined;
    const request = own ? withSubscriptionHeaders(built, own) : built;
    // The publish's context on every attempt, retries included, so the receiver joins the publish's trace.
    if (item.trace) addTraceHeaders(request.headers, item.trace);
    sent = request;
    outcome = await trace.run(deps.send, request);
  } catch (error) {
    outcome = { ok: false, durationMs: 0, error: { kind: 'network', message: `Could not attempt: ${(error as Error).message}` } };
  }
  const attempts = item.attemptCount + 1;
  const now = deps.clock.now();
  const decision = profile.retryPolicy.decide({ attempts, outcome, firstAttemptAt: item.seriesStartedAt, now });
  const next: AttemptRecord['next'] =
    decision.action === 'succeed'
      ? { status: 'delivered', attemptCount: attempts, nextAttemptAt: null, deliveredAt: now }
      : decision.action === 'retry'
        ? { status: 'pending', attemptCount: attempts, nextAttemptAt: new Date(now.getTime() + decision.delayMs), deliveredAt: null }
        : { status: 'failed', attemptCount: attempts, nextAttemptAt: null, deliveredAt: null };
  const record: AttemptRecord = {
    deliveryId: item.id,
    tenant: item.tenant,
    lease,
    attemptId: newId('attempt', startedAt.getTime()),
    startedAt,
    durationMs: Math.round(outcome.durationMs),
    statusCode: outcome.statusCode ?? null,
    responseExcerpt: outcome.responseExcerpt?.slice(0, EXCERPT_LIMIT) ?? null,
    headers: sent ? recordedHeaders(sent.headers, signatureNames(profile), outcome.responseHeaders, ownNames(own)) : null,
    error: outcome.ok ? null : describeError(outcome),
    outcome: outcome.ok ? 'success' : (outcome.error?.kind ?? 'http-status'),
    gone: decision.action === 'give-up' && decision.reason === 'gone',
    ...(decision.action === 'give-up' && decision.reason === 'blocked' && { blocked: true }),
    endpoint: endpointSignal(outcome, profile.retryPolicy, now),
    next,
  };
  trace.end(record);
  return record;
}

// Per profile, built once.
const signatureHeaders = new WeakMap<ResolvedProfile, ReadonlySet<string>>();

/** The profile's signature header, by its own name. */
function signatureNames(profile: ResolvedProfile): ReadonlySet<string> {
  let names = signatureHeaders.get(profile);
  if (!names) signatureHeaders.set(profile, (names = new Set([profile.signer.options.header.toLowerCase()])));
  return names;
}

/** The headers the subscription added, lower-case: most subscriptions add none. */
function ownNames(own: Readonly<Record<string, string>> | undefined): ReadonlySet<string> | undefined {
  return own ? new Set(Object.keys(own).map((name) => name.toLowerCase())) : undefined;
}

function describeError(outcome: DeliveryOutcome): string {
  const error = outcome.error;
  if (!error) return `HTTP ${outcome.statusCode}`;
  return `${error.kind}: ${error.message}`.slice(0, 1024);
}
