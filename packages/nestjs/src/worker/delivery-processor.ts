import { buildWebhookRequest, newId, type Clock, type DeliveryOutcome, type WebhookRequest } from '@hookline/core';
import type { DeliveryEnqueuer } from '../publishing/delivery-enqueuer';
import type { ProfileRegistry } from '../profiles/profile-registry';
import type { SubscriptionSecrets } from '../secrets/subscription-secrets';
import type { AttemptRecord, DeliveryStore, DeliveryWork } from '../storage/delivery-store';
import { OutcomeFlusher } from './outcome-flusher';
import type { OperationalEvents } from './operational-events';
import type { SubscriptionDisabler } from './subscription-disabler';

export type SendRequest = (request: WebhookRequest) => Promise<DeliveryOutcome>;

export interface DeliveryProcessorDeps {
  store: DeliveryStore;
  profiles: ProfileRegistry;
  secrets: SubscriptionSecrets;
  send: SendRequest;
  enqueuer: DeliveryEnqueuer;
  disabler: SubscriptionDisabler;
  events: OperationalEvents;
  clock: Clock;
  /** A claim lasts the HTTP timeout plus the margin. */
  timeoutMs: number;
  leaseMarginMs: number;
}
const EXCERPT_LIMIT = 4_096;

/**
 * One job's work: claim the deliveries (skipping any another worker holds or that are not due),
 * attempt them concurrently, write outcomes in small groups as they finish, then schedule retries.
 * A crash anywhere leaves the claim to expire and the sweeper to re-enqueue: delayed, not lost.
 */
export class DeliveryProcessor {
  constructor(private readonly deps: DeliveryProcessorDeps) {}

  async process(deliveryIds: string[]): Promise<void> {
    const { store, clock } = this.deps;
    const claimedAt = clock.now();
    const lease = new Date(claimedAt.getTime() + this.deps.timeoutMs + this.deps.leaseMarginMs);
    const claimed = await store.claim(deliveryIds, claimedAt, lease);
    if (claimed.length === 0) return;
    const work = await store.loadWork(claimed);

    const flusher = new OutcomeFlusher(async (records, parked) => {
      const written = await store.record(records, parked, clock.now());
      await this.afterRecord(records.filter((r) => written.has(r.deliveryId)), work);
    });
    await Promise.all(
      work.map(async (item) => {
        if (!item.subscription) {
          flusher.park({ deliveryId: item.id, lease, status: 'failed', error: 'The subscription was deleted.' });
        } else if (!item.subscription.isActive) {
          // Parked, not failed: re-enabling the subscription resumes it.
          flusher.park({ deliveryId: item.id, lease, status: 'pending', error: 'The subscription is disabled.' });
        } else {
          flusher.add(await this.attempt(item, lease));
        }
      }),
    );
    await flusher.close();
  }

  private async attempt(item: DeliveryWork, lease: Date): Promise<AttemptRecord> {
    const subscription = item.subscription!;
    const profile = this.deps.profiles.forSubscription(subscription.profile);
    const startedAt = this.deps.clock.now();
    let outcome: DeliveryOutcome;
    try {
      const request = buildWebhookRequest(profile, {
        url: subscription.url,
        secrets: this.deps.secrets.signingSecrets(subscription),
        message: {
          eventId: item.id,
          messageId: item.messageId,
          type: item.type,
          tenant: item.tenant,
          occurredAt: item.occurredAt,
          dataJson: item.payload,
        },
        attemptAt: startedAt,
      });
      outcome = await this.deps.send(request);
    } catch (error) {
      // A bug or a bad stored secret must still end as a recorded failed attempt, not a stuck claim.
      outcome = { ok: false, durationMs: 0, error: { kind: 'network', message: `Could not attempt: ${(error as Error).message}` } };
    }
    const attempts = item.attemptCount + 1;
    const decision = profile.retryPolicy.decide({ attempts, outcome, firstAttemptAt: item.seriesStartedAt, now: this.deps.clock.now() });
    const now = this.deps.clock.now();
    const next: AttemptRecord['next'] =
      decision.action === 'succeed'
        ? { status: 'delivered', attemptCount: attempts, nextAttemptAt: null, deliveredAt: now }
        : decision.action === 'retry'
          ? { status: 'pending', attemptCount: attempts, nextAttemptAt: new Date(now.getTime() + decision.delayMs), deliveredAt: null }
          : { status: 'failed', attemptCount: attempts, nextAttemptAt: null, deliveredAt: null };
    return {
      deliveryId: item.id,
      tenant: item.tenant,
      lease,
      attemptId: newId('attempt', startedAt.getTime()),
      startedAt,
      durationMs: Math.round(outcome.durationMs),
      statusCode: outcome.statusCode ?? null,
      responseExcerpt: outcome.responseExcerpt?.slice(0, EXCERPT_LIMIT) ?? null,
      error: outcome.ok ? null : describeError(outcome),
      gone: decision.action === 'give-up' && decision.reason === 'gone',
      next,
    };
  }

  private async afterRecord(records: AttemptRecord[], work: DeliveryWork[]): Promise<void> {
    const now = this.deps.clock.now().getTime();
    await this.deps.enqueuer.enqueueRetries(
      records
        .filter((r) => r.next.status === 'pending' && r.next.nextAttemptAt)
        .map((r) => ({ deliveryId: r.deliveryId, attemptCount: r.next.attemptCount, delayMs: Math.max(0, r.next.nextAttemptAt!.getTime() - now) })),
    );
    const workById = new Map(work.map((w) => [w.id, w]));
    for (const record of records) {
      const item = workById.get(record.deliveryId)!;
      if (record.gone) {
        await this.deps.disabler.disable(item.subscriptionId, item.tenant, 'The endpoint answered 410 Gone.');
      }
      if (record.next.status === 'failed') {
        this.deps.events.emit('delivery.exhausted', {
          deliveryId: record.deliveryId,
          messageId: item.messageId,
          subscriptionId: item.subscriptionId,
          tenant: item.tenant,
          attempts: record.next.attemptCount,
          lastError: record.error,
        });
      }
    }
  }
}

function describeError(outcome: DeliveryOutcome): string {
  const error = outcome.error;
  if (!error) return `HTTP ${outcome.statusCode}`;
  return `${error.kind}: ${error.message}`.slice(0, 1024);
}
