import type { Clock } from '@hookline/core';
import { ConcurrencyLimiter, SLOW_ATTEMPT_MS, type EndpointConcurrency, type LimitSignal } from './concurrency-limiter';
import { WaitQueue } from './wait-queue';
import { NO_STALLS, type ProcessStalls } from './process-stalls';

export interface SubscriptionSlotsOptions {
  /** Each subscription's limit of attempts in flight in this process: adaptive within these bounds. */
  concurrency: EndpointConcurrency;
  /** A slow or paused endpoint's delivery waits in memory only when its slot is expected within this; else it is deferred. */
  maxWaitMs: number;
  /** A deferred delivery comes back at most this far past its earliest due time. */
  maxDeferMs: number;
  clock: Clock;
  /** When this process itself was held: not counted against an endpoint's attempts (default: never). */
  stalls?: ProcessStalls;
  /**
   * Told when an endpoint that was slow answers fast again with room to spare (or went idle) while
   * deliveries it deferred are still due up to `until`: bring up to `limit` of them forward
   * (resolves to how many). Without it they come back when they were told to.
   */
  bringForward?: (subscriptionId: string, until: Date, limit: number) => Promise<number>;
}

/** What one attempt told about its endpoint. */
export interface AttemptSample {
  durationMs: number;
  signal: LimitSignal;
  /** Hold the endpoint's other deliveries this long (429/503, Retry-After)… */
  pauseMs?: number;
  /** …whatever else it answers, because its Retry-After asked; without, only if nothing succeeded of late. */
  asked?: boolean;
}

/** A slot to attempt now (release it with what the attempt told, or without to give it back unused), or a time to come back. */
export type SlotDecision = { granted: true; release(sample?: AttemptSample): void } | { granted: false; retryAt: Date };

interface Lane {
  subscriptionId: string;
  limiter: ConcurrencyLimiter;
  /** Start times (ms) of the attempts in flight, oldest first. */
  inFlight: number[];
  waiting: WaitQueue<(decision: SlotDecision) => void>;
  /** Moving average of attempt durations; undefined until one finished. */
  averageMs?: number;
  /** When the last delivery deferred for this subscription was told to come back. */
  horizon: number;
  /**
   * The latest any of its deferrals was told to come back: a deferral is capped past its own
   * earliest time, which a long queue of waiters can put minutes ahead, past the horizon.
   */
  deferredUntil: number;
  /** Until then, nothing new is sent to the endpoint. */
  pausedUntil: number;
  /** When the current run of overload answers without a success between them began (0: none). */
  overloadedSince: number;
  /** How many overload answers that run holds. */
  overloadCount: number;
  /** When one of its attempts last came back (0: none yet). */
  lastAnswerAt: number;
  /** How long its last attempt took, when it succeeded (undefined after a failure). */
  lastOkMs?: number;
  /** Deferred deliveries are being brought forward. */
  bringing: boolean;
  /** Not before then again... */
  nextBringAt: number;
  /**
   * ...unless its last look brought a full batch and it has since started this many attempts
   * (the batch reached it and drained): then at once, so a fast endpoint's backlog comes back at
   * the pace it answers, not a batch a second.
   */
  bringAgainAfter?: number;
  /** Attempts it has started, ever. */
  started: number;
  /** When it last deferred a delivery or had some held back. */
  lastDeferredAt: number;
  /** Attempts finished per ms over the last full window: how fast the lane really drains. */
  drainRate: number;
  windowStart: number;
  windowCount: number;
  timer?: NodeJS.Timeout;
}

const SMOOTHING = 0.2;
/**
 * An overload answer without Retry-After pauses the endpoint only once its overload answers have
 * gone on this long, and this many, without a success between them: an endpoint that is down or
 * refusing everything, not one that sheds some of its load. Time alone is not enough: the last two
 * 503s of a storm, 250 ms apart with nothing else in flight, would pause an endpoint that already
 * recovered, again and again.
 */
const SUSTAINED_OVERLOAD_MS = 250;
const SUSTAINED_OVERLOAD_COUNT = 10;
/** Overload answers without a success between them for this long (and this many) halve the limit; a lone one trims it. */
const OVERLOAD_RUN_MS = 100;
const OVERLOAD_RUN_COUNT = 4;
/** The lane's drain rate is counted over windows of this length. */
const RATE_WINDOW_MS = 1_000;
/**
 * A lane none of whose attempts has come back for this long, while other endpoints' answers kept
 * arriving, lags: its endpoint is slow or hung (this process is not), even before one attempt told
 * how slow.
 */
export const LAG_MS = 250;
/** How often a paused lane with waiters looks at the clock again. */
const PAUSE_POLL_MS = 50;
/** How often a full lane with waiters checks whether its endpoint turned slow. */
const SLOW_CHECK_MS = 250;
/** Deferrals due further ahead than this are brought forward when the endpoint is fast again. */
const BRING_FORWARD_AHEAD_MS = 1_000;
/** Deferred deliveries brought forward at once, at most; the next look brings more. */
const BRING_FORWARD_LIMIT = 1_000;
/**
 * A lane looks again this long after it brought deliveries forward: deferrals it decided before
 * may land in the database after the look (their group commit was still being written). Once a
 * look finds none, with no deferral decided in the span before it, there are none left.
 */
const BRING_FORWARD_EVERY_MS = 1_000;
// Idle subscriptions' lanes are dropped past this many, so the map cannot grow without bound.
const LANE_LIMIT = 10_000;

/**
 * Per-subscription lanes that keep the worker busy without letting one endpoint take it over.
 * Each lane lets `limit` attempts run at once, a limit the endpoint earns (ConcurrencyLimiter);
 * over it, deliveries wait first in, first out, and every freed slot goes to the next at once,
 * whichever job brought it: a busy fast endpoint drains at the pace it answers, never deferred.
 * Only an endpoint whose attempts take a second or more (or one paused longer than `maxWaitMs`)
 * sheds what would wait past `maxWaitMs`: deferred to when a slot should be free, spaced at the
 * pace it answers, and the database brings it back (its row says when), no attempt spent.
 */
export class SubscriptionSlots {
  private readonly lanes = new Map<string, Lane>();
  /** When any lane's attempt last came back. */
  private lastAnswerAt = 0;
  private readonly stalls: ProcessStalls;

  constructor(private readonly options: SubscriptionSlotsOptions) {
    this.stalls = options.stalls ?? NO_STALLS;
  }

  acquire(subscriptionId: string): Promise<SlotDecision> {
    const lane = this.lane(subscriptionId);
    const now = this.now();
    if (lane.pausedUntil > now) {
      if (lane.pausedUntil - now > this.options.maxWaitMs) return Promise.resolve(this.defer(lane, lane.pausedUntil));
    } else if (lane.inFlight.length < lane.limiter.limit && lane.waiting.length === 0) {
      return Promise.resolve(this.grant(lane));
    } else if (this.isSlow(lane, now) && this.expectedWaitMs(lane, lane.waiting.length + 1, now) > this.options.maxWaitMs) {
      return Promise.resolve(this.defer(lane, now + this.expectedWaitMs(lane, lane.waiting.length, now)));
    }
    return new Promise((resolve) => {
      lane.waiting.push(resolve);
      this.arm(lane);
    });
  }

  /** The subscription's current limit in this process; undefined when it has no lane here. */
  limitOf(subscriptionId: string): number | undefined {
    return this.lanes.get(subscriptionId)?.limiter.limit;
  }

  /**
   * Whether the subscription's endpoint lags (see LAG_MS): a job need not wait for its deliveries,
   * which go on in their lane without holding the job's worker slot.
   */
  lagging(subscriptionId: string): boolean {
    const lane = this.lanes.get(subscriptionId);
    return lane !== undefined && this.isLagging(lane, this.now());
  }

  /** Every lane's current limit, for reporting. */
  limits(): Map<string, number> {
    return new Map([...this.lanes].map(([id, lane]) => [id, lane.limiter.limit]));
  }

  /** Drops what the subscription's limit learned: after an outage its backlog resumes from the bottom. */
  restartLow(subscriptionId: string): void {
    this.lane(subscriptionId).limiter.reset();
  }

  /**
   * Slow subscriptions with every slot taken whose next deferral would come back `minAheadMs` or
   * later: a job's deliveries for them would only be claimed to be deferred, so they are put back
   * unclaimed (see DeliveryStore.holdBack), due when the next deferral would be. At most `limit`.
   */
  backlogged(minAheadMs: number, limit = 100): { subscriptionId: string; until: Date }[] {
    const now = this.now();
    const held: { subscriptionId: string; until: Date }[] = [];
    for (const [subscriptionId, lane] of this.lanes) {
      if (held.length >= limit) break;
      const until = this.holdUntil(lane, now, minAheadMs);
      if (until !== undefined) held.push({ subscriptionId, until: new Date(until) });
    }
    return held;
  }

  /** {@link backlogged}, asked of the given subscriptions only: when each one's new deliveries should be due. */
  holding(subscriptionIds: Iterable<string>, minAheadMs: number): Map<string, Date> {
    const now = this.now();
    const held = new Map<string, Date>();
    for (const subscriptionId of subscriptionIds) {
      const lane = this.lanes.get(subscriptionId);
      const until = lane && this.holdUntil(lane, now, minAheadMs);
      if (until !== undefined) held.set(subscriptionId, new Date(until));
    }
    return held;
  }

  /** Moves the subscription's horizon past `count` deliveries put back in bulk until `until`. */
  heldBack(subscriptionId: string, count: number, until: Date): void {
    const lane = this.lanes.get(subscriptionId);
    if (!lane || count <= 0) return;
    const now = this.now();
    lane.horizon = Math.min(Math.max(now, lane.horizon) + this.spacingMs(lane, now) * count, now + this.options.maxDeferMs);
    this.noteDeferred(lane, until.getTime(), now);
  }

  /** Subscriptions with attempts in flight or waiting, for tests and metrics. */
  get busySubscriptions(): number {
    return [...this.lanes.values()].filter((lane) => lane.inFlight.length > 0 || lane.waiting.length > 0).length;
  }

  private grant(lane: Lane): SlotDecision {
    const startedAt = this.now();
    lane.inFlight.push(startedAt);
    lane.started += 1;
    let released = false;
    return {
      granted: true,
      release: (sample) => {
        if (released) return;
        released = true;
        lane.inFlight.splice(lane.inFlight.indexOf(startedAt), 1);
        if (sample) this.learn(lane, sample);
        this.pump(lane);
        this.bringForwardIfDue(lane);
      },
    };
  }

  private learn(lane: Lane, sample: AttemptSample): void {
    const now = this.now();
    // The endpoint's share of the attempt: not the time this process could not send or read it.
    const durationMs = Math.max(1, sample.durationMs - this.stalls.within(now - sample.durationMs, now));
    lane.lastAnswerAt = now;
    this.lastAnswerAt = now;
    lane.windowCount += 1;
    if (now - lane.windowStart >= RATE_WINDOW_MS) {
      lane.drainRate = lane.windowCount / (now - lane.windowStart);
      lane.windowStart = now;
      lane.windowCount = 0;
    }
    if (sample.signal !== 'neutral') {
      lane.averageMs = lane.averageMs === undefined ? durationMs : lane.averageMs + SMOOTHING * (durationMs - lane.averageMs);
    }
    lane.lastOkMs = sample.signal === 'ok' ? durationMs : undefined;
    if (sample.signal === 'ok') {
      lane.overloadedSince = 0;
      lane.overloadCount = 0;
    } else if (sample.signal === 'overload') {
      if (lane.overloadedSince === 0) lane.overloadedSince = now;
      lane.overloadCount += 1;
    }
    const run = lane.overloadedSince > 0 ? now - lane.overloadedSince : 0;
    // A 503 among successes sheds some load: trim the limit. A run of them, or a Retry-After, halves it.
    const severe = sample.asked || (run >= OVERLOAD_RUN_MS && lane.overloadCount >= OVERLOAD_RUN_COUNT);
    const signal = sample.signal === 'overload' && !severe ? 'failure' : sample.signal;
    lane.limiter.onSample({ durationMs, signal, inFlight: lane.inFlight.length + 1, now });
    const sustained = run >= SUSTAINED_OVERLOAD_MS && lane.overloadCount >= SUSTAINED_OVERLOAD_COUNT;
    if (sample.pauseMs && sample.pauseMs > 0 && (sample.asked || sustained)) lane.pausedUntil = Math.max(lane.pausedUntil, now + sample.pauseMs);
  }

  /** Hands free slots to waiters, first come first served; sheds what a slow or long-paused endpoint cannot take soon. */
  private pump(lane: Lane): void {
    const now = this.now();
    if (lane.pausedUntil > now) {
      if (lane.pausedUntil - now > this.options.maxWaitMs) {
        for (let resolve = lane.waiting.shift(); resolve; resolve = lane.waiting.shift()) resolve(this.defer(lane, lane.pausedUntil));
      }
      this.arm(lane);
      return;
    }
    while (lane.waiting.length > 0 && lane.inFlight.length < lane.limiter.limit) lane.waiting.shift()!(this.grant(lane));
    if (lane.waiting.length > 0 && this.isSlow(lane, now)) {
      // Keep what the endpoint can take within maxWaitMs; the newest beyond that go to the database.
      const keep = Math.floor(this.options.maxWaitMs / this.spacingMs(lane, now));
      while (lane.waiting.length > keep) lane.waiting.pop()!(this.defer(lane, now + this.expectedWaitMs(lane, keep, now)));
    }
    this.arm(lane);
  }

  /**
   * Work-conserving after a slow spell: deliveries deferred at the slow pace (up to maxDeferMs
   * ahead, or past it behind a long queue) would come back as told although the endpoint may
   * answer at once by now. When it has room, no waiter, and its last attempt succeeded fast, they
   * are brought forward (again each second until none is left, BRING_FORWARD_LIMIT at a time, and
   * sooner after a full batch once the lane has started as many attempts as it brought), and
   * its estimate restarts from that answer: the average of the slow spell would shed them again.
   * A lane that went idle with deliveries deferred brings forward as many as its limit, whatever
   * its last answers said: its slots are free, and those attempts tell whether it recovered
   * (nothing else would try it until the first deferral is due).
   */
  private bringForwardIfDue(lane: Lane): void {
    const bringForward = this.options.bringForward;
    const now = this.now();
    if (!bringForward || lane.bringing || lane.deferredUntil - now <= BRING_FORWARD_AHEAD_MS) return;
    if (now < lane.nextBringAt && !(lane.bringAgainAfter !== undefined && lane.started >= lane.bringAgainAfter)) return;
    if (lane.waiting.length > 0 || lane.inFlight.length >= lane.limiter.limit || lane.pausedUntil > now) return;
    const fast = lane.lastOkMs !== undefined && lane.lastOkMs < SLOW_ATTEMPT_MS;
    if (!fast && lane.inFlight.length > 0) return;
    lane.bringing = true;
    lane.nextBringAt = now + BRING_FORWARD_EVERY_MS;
    if (fast) {
      lane.averageMs = lane.lastOkMs;
      lane.horizon = now;
    }
    const limit = fast ? BRING_FORWARD_LIMIT : lane.limiter.limit;
    lane.bringAgainAfter = undefined;
    bringForward(lane.subscriptionId, new Date(lane.deferredUntil), limit)
      .then((count) => {
        if (count >= limit) lane.bringAgainAfter = lane.started + count;
        if (count === 0 && lane.lastDeferredAt <= now - BRING_FORWARD_EVERY_MS) {
          lane.deferredUntil = 0;
          return;
        }
        // Look again even if no attempt comes back meanwhile: the lane may have gone quiet.
        setTimeout(() => this.bringForwardIfDue(lane), BRING_FORWARD_EVERY_MS).unref();
      })
      .catch(() => {
        // Left where they are: they come back when they were told to.
      })
      .finally(() => (lane.bringing = false));
  }

  /** One timer per lane with waiters: a pause to end, or an endpoint that may turn slow. */
  private arm(lane: Lane): void {
    if (lane.timer || lane.waiting.length === 0) return;
    const paused = lane.pausedUntil - this.now();
    lane.timer = setTimeout(
      () => {
        lane.timer = undefined;
        this.pump(lane);
      },
      paused > 0 ? Math.min(PAUSE_POLL_MS, paused) : SLOW_CHECK_MS,
    );
    // Waiters alone must not keep a process alive that is shutting down.
    lane.timer.unref();
  }

  /** Spaces deferred deliveries at the endpoint's observed pace, from `earliest`, so they do not all return at once. */
  private defer(lane: Lane, earliest: number): SlotDecision {
    lane.horizon = this.nextDeferral(lane, earliest);
    this.noteDeferred(lane, lane.horizon, this.now());
    return { granted: false, retryAt: new Date(lane.horizon) };
  }

  /** What bringForwardIfDue looks for: how far ahead the lane's deferrals reach, and when it last made one. */
  private noteDeferred(lane: Lane, until: number, now: number): void {
    lane.deferredUntil = Math.max(lane.deferredUntil, until);
    lane.lastDeferredAt = now;
  }

  private holdUntil(lane: Lane, now: number, minAheadMs: number): number | undefined {
    if (lane.inFlight.length < lane.limiter.limit || !this.isSlow(lane, now)) return undefined;
    const until = this.nextDeferral(lane, now + this.expectedWaitMs(lane, lane.waiting.length, now));
    return until - now >= minAheadMs ? until : undefined;
  }

  private nextDeferral(lane: Lane, earliest: number): number {
    return Math.min(Math.max(earliest, lane.horizon) + this.spacingMs(lane, this.now()), earliest + this.options.maxDeferMs);
  }

  /**
   * Slow: its attempts take a second or more, and it does not make up for it with many at once; or
   * it lags, so what would wait past `maxWaitMs` at the pace its attempts in flight allow goes to
   * the database before the first answer tells how slow it is.
   */
  private isSlow(lane: Lane, now: number): boolean {
    if (this.isLagging(lane, now)) return true;
    return this.attemptEstimateMs(lane, now) >= SLOW_ATTEMPT_MS && this.spacingMs(lane, now) * lane.limiter.limit >= SLOW_ATTEMPT_MS;
  }

  // Quiet since its last answer or its oldest attempt in flight, whichever is later; answers that
  // other lanes received that long after say this process was not what stalled.
  private isLagging(lane: Lane, now: number): boolean {
    if (lane.inFlight.length === 0) return false;
    const quietSince = Math.max(lane.lastAnswerAt, lane.inFlight[0]);
    return now - quietSince >= LAG_MS && this.lastAnswerAt - quietSince >= LAG_MS;
  }

  private expectedWaitMs(lane: Lane, position: number, now: number): number {
    return position * this.spacingMs(lane, now);
  }

  /**
   * How often a slot frees up: one attempt's duration shared by the limit, or what the lane has
   * really drained of late when that is faster. Attempt durations include this process's own
   * stalls (a long commit, GC), which make every attempt in flight look slow at once; the count
   * of answers that came back does not, so a busy fast endpoint is never taken for a slow one.
   */
  private spacingMs(lane: Lane, now: number): number {
    const estimated = Math.max(1, lane.limiter.limit) / Math.max(1, this.attemptEstimateMs(lane, now));
    const current = now - lane.windowStart >= RATE_WINDOW_MS / 5 ? lane.windowCount / (now - lane.windowStart) : 0;
    return Math.max(0.01, 1 / Math.max(estimated, lane.drainRate, current));
  }

  // When every slot has been held a while, that says more about a stalling endpoint than the
  // average of past attempts; one hung attempt beside quick ones says nothing. Time this process
  // was held does not count: a publish of 40,000 rows on a synchronous driver holds the event loop
  // for seconds before the first request is even written, and a fast endpoint taken for slow then
  // would see its whole backlog deferred at the pace of the stall.
  private attemptEstimateMs(lane: Lane, now: number): number {
    const full = lane.inFlight.length > 0 && lane.inFlight.length >= lane.limiter.limit;
    const newest = lane.inFlight[lane.inFlight.length - 1];
    const heldFor = full ? now - newest - this.stalls.within(newest, now) : 0;
    return Math.max(lane.averageMs ?? 0, heldFor);
  }

  private lane(subscriptionId: string): Lane {
    let lane = this.lanes.get(subscriptionId);
    if (!lane) {
      if (this.lanes.size >= LANE_LIMIT) this.dropIdle();
      lane = {
        subscriptionId,
        limiter: new ConcurrencyLimiter(this.options.concurrency),
        inFlight: [],
        waiting: new WaitQueue(),
        horizon: 0,
        deferredUntil: 0,
        pausedUntil: 0,
        overloadedSince: 0,
        overloadCount: 0,
        lastAnswerAt: 0,
        bringing: false,
        nextBringAt: 0,
        started: 0,
        lastDeferredAt: 0,
        drainRate: 0,
        windowStart: this.now(),
        windowCount: 0,
      };
      this.lanes.set(subscriptionId, lane);
    }
    return lane;
  }

  private dropIdle(): void {
    for (const [id, lane] of this.lanes) {
      if (lane.inFlight.length === 0 && lane.waiting.length === 0) this.lanes.delete(id);
    }
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }
}
