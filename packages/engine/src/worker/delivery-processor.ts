import type { Clock } from '@hookline/core';
import type { DeliveryEnqueuer, LaterGroup } from '../queue/delivery-enqueuer';
import type { ProfileRegistry } from '../options/profile-registry';
import type { SubscriptionHeaders } from '../secrets/subscription-headers';
import type { SubscriptionSecrets } from '../secrets/subscription-secrets';
import type { AttemptRecord, DeliveryStore, DeliveryWork, HoldBack } from '../storage/delivery-store';
import { attemptDelivery, type SendRequest } from './attempt-delivery';
import { OutcomeFlusher } from './outcome-flusher';
import type { OperationalEvents } from './operational-events';
import type { SubscriptionDisabler } from './subscription-disabler';
import { SubscriptionSlots, type SlotDecision } from './subscription-slots';
import type { EndpointHealth } from './endpoint-health';
import type { EndpointConcurrency } from './concurrency-limiter';
import { LeaseExtender } from './lease-extender';
import type { ProcessStalls } from './process-stalls';
import { waitAtMost } from '../queue/wait-at-most';
import type { Tracing } from '../tracing/tracing';
import { TOKEN_TIMING, type RateDecision, type RateGate } from '../rate-limits/rate-gate';

export type { SendRequest } from './attempt-delivery';

export interface DeliveryProcessorDeps {
  store: DeliveryStore;
  profiles: ProfileRegistry;
  secrets: SubscriptionSecrets;
  /** Opens a subscription's own headers, added to each of its attempts. */
  headers: Pick<SubscriptionHeaders, 'open'>;
  send: SendRequest;
  enqueuer: DeliveryEnqueuer;
  disabler: SubscriptionDisabler;
  events: OperationalEvents;
  clock: Clock;
  /** Attempt spans; NO_TRACING without OpenTelemetry. */
  tracing: Tracing;
  /** A claim lasts the HTTP timeout plus the margin. */
  timeoutMs: number;
  leaseMarginMs: number;
  /** Bounds of each subscription's adaptive limit of attempts in flight, in this process (min = max: fixed). */
  endpointConcurrency: EndpointConcurrency;
  /** Circuit breaker and auto-disable; absent in tests that do not need them. */
  endpointHealth?: EndpointHealth;
  /** Takes rate-limited subscriptions' tokens for each claimed batch; absent in tests that do not need it. */
  rateGate?: RateGate;
  /** Told of every delivery deferred to wait for its subscription's rate limit (metrics). */
  onRateLimited?: (count: number) => void;
  /** Told of every attempt made (metrics). */
  onAttempt?: (eventType: string, record: AttemptRecord) => void;
  /** When this process's event loop was held; absent (never) in tests on an injected clock. */
  stalls?: ProcessStalls;
}

/** A slow or paused endpoint's delivery waits in memory for its slot only if expected within this; else it is deferred. */
const SLOT_WAIT_MS = 5_000;
/** A deferred delivery is due again at most this far ahead. */
const MAX_DEFER_MS = 60_000;
/** Deferred further than this, a delivery gets no job: the sweeper brings it back when due. */
const DEFER_BY_JOB_WITHIN_MS = MAX_DEFER_MS;
/** A slow endpoint's deliveries whose slot is this far off are put back unclaimed (see SubscriptionSlots.backlogged). */
const HOLD_BACK_AHEAD_MS = 5_000;
/** Deferred deliveries due within this of each other share a job (under the claim's 1 s slack). */
const DEFER_GROUP_MS = 900;
/** Retries due within this of each other share a job, sent when the last is due: none early, none much late. */
const RETRY_GROUP_MS = 100;
/** How often a job with deliveries left looks whether their endpoints all lag. */
const LAG_POLL_MS = 50;
/** Attempts that may run on after their job ended; past it, jobs wait for theirs again. */
const MAX_DETACHED = 1_000;

/**
 * Groups deliveries due within `windowMs` of the group's first into one delayed job. `sendAt`
 * 'first': the job runs when the first is due and its claim (which takes deliveries due in the
 * next second) takes the rest early; 'last': it runs when the last is due, so none goes early.
 */
function groupDue(due: DueLater[], now: number, windowMs: number, sendAt: 'first' | 'last'): LaterGroup[] {
  const groups: (LaterGroup & { first: number; subscriptions: Set<string> })[] = [];
  for (const { id, subscriptionId, at } of due.sort((a, b) => a.at - b.at)) {
    const last = groups[groups.length - 1];
    if (last && at - last.first < windowMs) {
      last.deliveryIds.push(id);
      last.subscriptions.add(subscriptionId);
      if (sendAt === 'last') last.delayMs = Math.max(0, at - now);
    } else {
      groups.push({ deliveryIds: [id], delayMs: Math.max(0, at - now), first: at, subscriptions: new Set([subscriptionId]) });
    }
  }
  return groups.map(({ deliveryIds, delayMs, subscriptions }) => ({ deliveryIds, delayMs, subscriptionIds: [...subscriptions] }));
}

interface DueLater {
  id: string;
  subscriptionId: string;
  at: number;
}

interface Handled {
  item: DeliveryWork;
  record?: AttemptRecord;
  deferredUntil?: Date;
  written: boolean;
}

/**
 * One job's work: claim the deliveries (skipping any another worker holds or that are not due),
 * attempt them concurrently within each subscription's cap, then schedule retries. Outcomes of
 * every job in the process are written together as they finish (group commit); a job ends once
 * its own are written. A crash anywhere leaves the claim to expire and the sweeper to re-enqueue:
 * delayed, not lost.
 */
export class DeliveryProcessor {
  private readonly flusher: OutcomeFlusher;
  /** The endpoints' lanes: adaptive limits, waiting deliveries, pauses. */
  readonly slots: SubscriptionSlots;
  private readonly leases: LeaseExtender;
  private readonly detached = new Set<Promise<void>>();
  /** Detached deliveries handled in the same turn, whose retries and deferrals go in one enqueue. */
  private late?: { handled: Handled[]; done: Promise<void> };
  /**
   * For this process's publisher (PublishHolds): the lanes that would put a job's deliveries back
   * unclaimed would do the same to a new one, so it is written that way and gets no job.
   */
  readonly publishHolds = {
    holding: (subscriptionIds: string[]) => this.slots.holding(subscriptionIds, HOLD_BACK_AHEAD_MS),
    held: (subscriptionId: string, count: number, until: Date) => this.slots.heldBack(subscriptionId, count, until),
  };

  constructor(private readonly deps: DeliveryProcessorDeps) {
    const { maxConcurrent, lingerMs } = deps.store.sql.dialect.outcomeWrites;
    this.flusher = new OutcomeFlusher((batch) => deps.store.record(batch, deps.clock.now()), { maxConcurrentWrites: maxConcurrent, lingerMs });
    this.slots = new SubscriptionSlots({
      concurrency: deps.endpointConcurrency,
      maxWaitMs: SLOT_WAIT_MS,
      maxDeferMs: MAX_DEFER_MS,
      clock: deps.clock,
      stalls: deps.stalls,
      bringForward: (subscriptionId, until, limit) => this.bringForward(subscriptionId, until, limit),
    });
    this.leases = new LeaseExtender(deps.store, deps.clock, deps.timeoutMs + deps.leaseMarginMs);
  }

  /**
   * Attempts the deliveries and returns once every outcome is written. With `detachAfterMs` (the
   * queue worker's way), attempts still running after that long go on without the job, so a slow
   * endpoint cannot keep worker slots; their outcomes are written as they finish (see drain()).
   */
  async process(deliveryIds: string[], options: { detachAfterMs?: number; subscriptionIds?: string[] } = {}): Promise<void> {
    const claimedAt = this.deps.clock.now();
    const lease = new Date(claimedAt.getTime() + this.deps.timeoutMs + this.deps.leaseMarginMs);
    const holds = this.holdsFor(options.subscriptionIds);
    const { work, held } = await this.deps.store.claimWorkHolding(deliveryIds, holds, claimedAt, lease);
    for (const { subscriptionId, until } of holds) this.slots.heldBack(subscriptionId, held.get(subscriptionId) ?? 0, until);
    if (work.length === 0) return;
    const rates = await this.deps.rateGate?.admit(work);
    const rateLimited = rates ? [...rates.values()].filter((r) => 'deferUntil' in r).length : 0;
    if (rateLimited > 0) this.deps.onRateLimited?.(rateLimited);
    // Which deliveries are still being handled (by index, with their subscription), and what the others left.
    const pending = new Map<number, string>();
    const handled: Handled[] = [];
    const tasks = work.map((item, index) => {
      pending.set(index, item.subscriptionId);
      return this.handle(item, lease, rates?.get(item.id)).then((h) => {
        pending.delete(index);
        handled.push(h);
        return h;
      });
    });
    const all = Promise.all(tasks);
    const finished = options.detachAfterMs === undefined || (await this.waitWhileAnswered(all, pending, options.detachAfterMs));
    if (finished || this.detached.size + pending.size > MAX_DETACHED) {
      await all;
      await this.afterRecord(handled.filter((h) => h.written));
      return;
    }
    const done = handled.splice(0);
    for (const index of pending.keys()) {
      // A failed write leaves the claim to expire; the sweeper re-enqueues the delivery.
      const tracked: Promise<void> = tasks[index]
        .then((h) => (h.written ? this.afterRecordSoon(h) : undefined))
        .catch(() => undefined)
        .finally(() => this.detached.delete(tracked));
      this.detached.add(tracked);
    }
    await this.afterRecord(done.filter((h) => h.written));
  }

  /**
   * The backed-up subscriptions whose deliveries in the job go back unclaimed: of those the job
   * names, when it knows them, so a job of a healthy endpoint beside a slow one claims plainly.
   */
  private holdsFor(subscriptionIds: string[] | undefined): HoldBack[] {
    if (!subscriptionIds) return this.slots.backlogged(HOLD_BACK_AHEAD_MS);
    return [...this.slots.holding(subscriptionIds, HOLD_BACK_AHEAD_MS)].map(([subscriptionId, until]) => ({ subscriptionId, until }));
  }

  /**
   * Waits for the job's deliveries while their endpoints answer: true once all are handled; false
   * after `ms`, or as soon as every one left belongs to an endpoint that lags (SubscriptionSlots.lagging),
   * so a slow endpoint's deliveries never hold the worker slot that the others' next job needs.
   */
  private async waitWhileAnswered(all: Promise<unknown>, pending: Map<number, string>, ms: number): Promise<boolean> {
    let settled = false;
    const watched = all.then(
      () => void (settled = true),
      () => void (settled = true),
    );
    let timer: NodeJS.Timeout | undefined;
    const lagging = new Promise<void>((resolve) => {
      const poll = () => {
        if ([...new Set(pending.values())].every((id) => this.slots.lagging(id))) resolve();
        else timer = setTimeout(poll, LAG_POLL_MS).unref();
      };
      timer = setTimeout(poll, LAG_POLL_MS).unref();
    });
    try {
      await waitAtMost(Promise.race([watched, lagging]), ms);
      return settled;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Deliveries deferred while the endpoint was slow, due now that it is fast again: to the queue. */
  private async bringForward(subscriptionId: string, until: Date, limit: number): Promise<number> {
    const ids = await this.deps.store.bringForward(subscriptionId, this.deps.clock.now(), until, limit);
    await this.deps.enqueuer.enqueueNewBySubscription([{ subscriptionId, deliveryIds: ids }]);
    return ids.length;
  }

  /** Waits (at most `graceMs`) for attempts that went on without their job. */
  async drain(graceMs: number): Promise<void> {
    await waitAtMost(Promise.allSettled([...this.detached]), graceMs);
  }

  private async handle(item: DeliveryWork, lease: Date, rate?: RateDecision): Promise<Handled> {
    const subscription = item.subscription;
    if (!subscription) {
      return { item, written: await this.flusher.parked({ deliveryId: item.id, lease, status: 'failed', error: 'The subscription was deleted.' }) };
    }
    if (!subscription.isActive) {
      // Parked, not failed: re-enabling the subscription resumes it.
      return { item, written: await this.flusher.parked({ deliveryId: item.id, lease, status: 'pending', error: 'The subscription is disabled.' }) };
    }
    const gate = (await this.deps.endpointHealth?.gate(item.subscriptionId, subscription)) ?? { send: true };
    if (!gate.send) {
      // The circuit is open: wait for the probe's verdict without spending an attempt.
      const deferred = { deliveryId: item.id, lease, nextAttemptAt: gate.until };
      return { item, deferredUntil: gate.until, written: await this.flusher.deferred(deferred) };
    }
    if (rate && 'deferUntil' in rate) {
      // Over the subscription's rate limit: back when its token comes, no attempt spent.
      const deferred = { deliveryId: item.id, lease, nextAttemptAt: rate.deferUntil };
      return { item, deferredUntil: rate.deferUntil, written: await this.flusher.deferred(deferred) };
    }
    const slot = await this.slots.acquire(item.subscriptionId);
    if (!slot.granted) {
      const deferred = { deliveryId: item.id, lease, nextAttemptAt: slot.retryAt };
      return { item, deferredUntil: slot.retryAt, written: await this.flusher.deferred(deferred) };
    }
    // The slot first, then the token's time: the lane's queue then cannot make a token late.
    if (rate) await this.until(rate.sendAt);
    if (rate && this.deps.clock.now().getTime() - rate.sendAt > TOKEN_TIMING.lateMs) {
      // Too late for its token: sent now, it would crowd the next tokens' sends. It takes a new one.
      slot.release();
      const now = this.deps.clock.now();
      return { item, deferredUntil: now, written: await this.flusher.deferred({ deliveryId: item.id, lease, nextAttemptAt: now }) };
    }
    const held = await this.holdClaim(item, lease);
    if (!held) {
      slot.release();
      return { item, written: false };
    }
    const record = await this.attempt(item, subscription, held, slot);
    this.deps.onAttempt?.(item.type, record);
    const closed = await this.deps.endpointHealth?.report(item, record);
    // The circuit just closed: its backlog resumes from a low limit and earns its way back up.
    if (closed) this.slots.restartLow(item.subscriptionId);
    return { item, record, written: await this.flusher.attempted(record) };
  }

  /** Waits for a rate-limit token taken ahead (at most the gate's horizon, about a second). */
  private async until(at: number): Promise<void> {
    const ms = at - this.deps.clock.now().getTime();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  private async attempt(item: DeliveryWork, subscription: NonNullable<DeliveryWork['subscription']>, lease: Date, slot: SlotDecision & { granted: true }): Promise<AttemptRecord> {
    let record: AttemptRecord | undefined;
    try {
      const profile = this.deps.profiles.forSubscription(subscription.profile);
      record = await attemptDelivery(this.deps, item, profile, () => this.deps.secrets.signingSecrets(subscription), lease);
      return record;
    } finally {
      slot.release(record?.endpoint && { durationMs: record.durationMs, ...record.endpoint });
    }
  }

  /**
   * The claim under which to attempt: the job's, or, when the delivery waited so long for its
   * slot that the claim could lapse mid-attempt, a renewed one; null when another worker took it.
   */
  private async holdClaim(item: DeliveryWork, lease: Date): Promise<Date | null> {
    const left = lease.getTime() - this.deps.clock.now().getTime();
    if (left >= this.deps.timeoutMs + this.deps.leaseMarginMs / 2) return lease;
    return this.leases.extend(item.id, lease);
  }

  /**
   * A slow lane sheds its waiters all at once; their deferrals are written by one group commit
   * and resolve in one turn. Collecting them until the next turn makes one enqueue of them, not
   * one per delivery.
   */
  private afterRecordSoon(handled: Handled): Promise<void> {
    if (!this.late) {
      const batch: { handled: Handled[]; done?: Promise<void> } = { handled: [] };
      batch.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        this.late = undefined;
        return this.afterRecord(batch.handled);
      });
      this.late = batch as { handled: Handled[]; done: Promise<void> };
    }
    this.late.handled.push(handled);
    return this.late.done;
  }

  /**
   * A keyed delivery that finished lets the next of its key go: hand that one to the queue now.
   * Its own job came and went while it waited (the claim refused it); if this enqueue is lost, the
   * sweeper finds it, since the claim and the sweep ask the same question.
   */
  private async releaseNextInKey(handled: Handled[]): Promise<void> {
    const keys = new Map<string, { subscriptionId: string; orderingKey: string }>();
    for (const { item, record } of handled) {
      const status = record?.next.status;
      if (!item.orderingKey || !status || status === 'pending' || !this.deps.store.releasesNextInKey(status)) continue;
      keys.set(`${item.subscriptionId} ${item.orderingKey}`, { subscriptionId: item.subscriptionId, orderingKey: item.orderingKey });
    }
    if (keys.size === 0) return;
    await this.deps.enqueuer.enqueueNew(await this.deps.store.nextInKey([...keys.values()]));
  }

  /** Retries and near deferrals get delayed jobs, grouped by when they are due; a 410 disables; exhaustion is announced. */
  private async afterRecord(handled: Handled[]): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const retries: DueLater[] = [];
    const deferred: DueLater[] = [];
    for (const { item, record, deferredUntil } of handled) {
      if (record?.next.status === 'pending' && record.next.nextAttemptAt) {
        retries.push({ id: item.id, subscriptionId: item.subscriptionId, at: record.next.nextAttemptAt.getTime() });
      } else if (deferredUntil && deferredUntil.getTime() - now <= DEFER_BY_JOB_WITHIN_MS) {
        deferred.push({ id: item.id, subscriptionId: item.subscriptionId, at: deferredUntil.getTime() });
      }
    }
    await this.deps.enqueuer.enqueueLater(groupDue(retries, now, RETRY_GROUP_MS, 'last'), `retry${now}`);
    await this.deps.enqueuer.enqueueLater(groupDue(deferred, now, DEFER_GROUP_MS, 'first'), `defer${now}`);
    await this.releaseNextInKey(handled);
    for (const { item, record } of handled) {
      if (!record) continue;
      if (record.gone) {
        await this.deps.disabler.disable(item.subscriptionId, item.tenant, 'The endpoint answered 410 Gone.');
      }
      const final = { deliveryId: record.deliveryId, messageId: item.messageId, subscriptionId: item.subscriptionId, tenant: item.tenant };
      if (record.blocked) {
        this.deps.events.emit('delivery.blocked', { ...final, reason: record.error });
      } else if (record.next.status === 'failed') {
        this.deps.events.emit('delivery.exhausted', {
          ...final,
          attempts: record.next.attemptCount,
          lastError: record.error,
        });
      }
    }
  }
}
