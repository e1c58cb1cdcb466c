import { performance } from 'node:perf_hooks';
import type { Clock } from '@hookline/core';

export interface SubscriptionSlotsOptions {
  /** Attempts in flight at once per subscription, in this process. */
  perSubscription: number;
  /** Longest a delivery waits in memory for a slot; past it (or when a wait that long is expected) it is deferred. */
  maxWaitMs: number;
  /** A deferred delivery comes back at most this far in the future. */
  maxDeferMs: number;
  clock: Clock;
}

/** A slot to attempt now (release it with the attempt's duration), or a time to come back. */
export type SlotDecision = { granted: true; release(durationMs: number): void } | { granted: false; retryAt: Date };

interface Waiter {
  grant(): void;
  defer(): void;
  /** When it stops waiting and is deferred instead (performance.now(): waits are timed by real timers). */
  deadline: number;
}

interface SubscriptionState {
  /** Start times (ms) of the attempts in flight, oldest first. */
  inFlight: number[];
  /** First in, first served; deadlines therefore ascend. */
  waiting: Waiter[];
  /** One timer per subscription, for the first waiter's deadline. */
  timer?: NodeJS.Timeout;
  /** Moving average of attempt durations; undefined until one finished. */
  averageMs?: number;
  /** When the last delivery deferred for this subscription was told to come back. */
  horizon: number;
}

const SMOOTHING = 0.2;
/** Only an endpoint this slow per attempt is deferred up front; a busy fast one is worth the wait. */
const SLOW_ATTEMPT_MS = 1_000;
// Idle subscriptions' states are dropped past this many, so the map cannot grow without bound.
const STATE_LIMIT = 10_000;

/**
 * A per-subscription concurrency cap, so one slow endpoint cannot hold every worker slot. A
 * delivery over the cap waits for a slot. An endpoint whose attempts take a second or more keeps
 * to the cap: what would wait longer than `maxWaitMs` is deferred to when a slot should be free,
 * spaced at the pace the endpoint answers, and the database brings it back (its row says when).
 * A fast endpoint's delivery that waited `maxWaitMs` goes ahead past the cap instead.
 */
export class SubscriptionSlots {
  private readonly states = new Map<string, SubscriptionState>();

  constructor(private readonly options: SubscriptionSlotsOptions) {}

  acquire(subscriptionId: string): Promise<SlotDecision> {
    const state = this.state(subscriptionId);
    const cap = this.options.perSubscription;
    if (state.inFlight.length < cap && state.waiting.length === 0) return Promise.resolve(this.grant(subscriptionId, state));
    if (this.isSlow(state) && this.expectedWaitMs(state, state.waiting.length + 1) > this.options.maxWaitMs) {
      return Promise.resolve(this.defer(state));
    }
    return new Promise((resolve) => {
      state.waiting.push({
        grant: () => resolve(this.grant(subscriptionId, state)),
        defer: () => resolve(this.defer(state)),
        deadline: performance.now() + this.options.maxWaitMs,
      });
      state.timer ??= setTimeout(() => this.expireWaiters(state), this.options.maxWaitMs);
    });
  }

  /**
   * Slow subscriptions with every slot taken whose next deferral would come back `minAheadMs` or
   * later: a job's deliveries for them would only be claimed to be deferred, so they are put back
   * unclaimed (see DeliveryStore.holdBack), due when the next deferral would be. At most `limit`.
   */
  backlogged(minAheadMs: number, limit = 100): { subscriptionId: string; until: Date }[] {
    const now = this.now();
    const held: { subscriptionId: string; until: Date }[] = [];
    for (const [subscriptionId, state] of this.states) {
      if (held.length >= limit) break;
      if (state.inFlight.length < this.options.perSubscription || !this.isSlow(state)) continue;
      const until = this.nextDeferral(state, now);
      if (until - now >= minAheadMs) held.push({ subscriptionId, until: new Date(until) });
    }
    return held;
  }

  /** Moves the subscription's horizon past `count` deliveries put back in bulk. */
  heldBack(subscriptionId: string, count: number): void {
    const state = this.states.get(subscriptionId);
    if (!state || count <= 0) return;
    const now = this.now();
    const spacing = this.attemptEstimateMs(state, now) / this.options.perSubscription;
    state.horizon = Math.min(Math.max(now, state.horizon) + spacing * count, now + this.options.maxDeferMs);
  }

  /** Subscriptions with attempts in flight or waiting, for tests and metrics. */
  get busySubscriptions(): number {
    return [...this.states.values()].filter((s) => s.inFlight.length > 0 || s.waiting.length > 0).length;
  }

  private grant(subscriptionId: string, state: SubscriptionState): SlotDecision {
    const startedAt = this.now();
    state.inFlight.push(startedAt);
    let released = false;
    return {
      granted: true,
      release: (durationMs) => {
        if (released) return;
        released = true;
        state.inFlight.splice(state.inFlight.indexOf(startedAt), 1);
        state.averageMs = state.averageMs === undefined ? durationMs : state.averageMs + SMOOTHING * (durationMs - state.averageMs);
        const next = state.waiting.shift();
        if (next) {
          next.grant();
        } else if (state.inFlight.length === 0 && state.horizon <= this.now()) {
          this.states.delete(subscriptionId);
        }
      },
    };
  }

  private expireWaiters(state: SubscriptionState): void {
    state.timer = undefined;
    const now = performance.now();
    // A slow endpoint's overflow is deferred; a fast one's goes ahead past the cap rather than
    // churn through the database: its backlog clears at the pace the endpoint answers anyway.
    const slow = this.isSlow(state);
    while (state.waiting.length > 0 && state.waiting[0].deadline <= now) {
      const waiter = state.waiting.shift()!;
      if (slow) waiter.defer();
      else waiter.grant();
    }
    if (state.waiting.length > 0) state.timer = setTimeout(() => this.expireWaiters(state), Math.max(1, state.waiting[0].deadline - now));
  }

  /** Spaces deferred deliveries at the endpoint's observed pace, so they do not all return at once. */
  private defer(state: SubscriptionState): SlotDecision {
    state.horizon = this.nextDeferral(state, this.now());
    return { granted: false, retryAt: new Date(state.horizon) };
  }

  private nextDeferral(state: SubscriptionState, now: number): number {
    const spacing = this.attemptEstimateMs(state, now) / this.options.perSubscription;
    return Math.min(Math.max(now, state.horizon) + spacing, now + this.options.maxDeferMs);
  }

  private isSlow(state: SubscriptionState): boolean {
    return this.attemptEstimateMs(state, this.now()) >= SLOW_ATTEMPT_MS;
  }

  private expectedWaitMs(state: SubscriptionState, position: number): number {
    return Math.ceil(position / this.options.perSubscription) * this.attemptEstimateMs(state, this.now());
  }

  // An attempt still running says more about a stalling endpoint than the average of past ones.
  private attemptEstimateMs(state: SubscriptionState, now: number): number {
    const oldest = state.inFlight.length > 0 ? now - state.inFlight[0] : 0;
    return Math.max(state.averageMs ?? 0, oldest);
  }

  private state(subscriptionId: string): SubscriptionState {
    let state = this.states.get(subscriptionId);
    if (!state) {
      if (this.states.size >= STATE_LIMIT) this.dropIdle();
      state = { inFlight: [], waiting: [], horizon: 0 };
      this.states.set(subscriptionId, state);
    }
    return state;
  }

  private dropIdle(): void {
    for (const [id, state] of this.states) {
      if (state.inFlight.length === 0 && state.waiting.length === 0) this.states.delete(id);
    }
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }
}
