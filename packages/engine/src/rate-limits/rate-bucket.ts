/** A subscription's limits as stored; null: none on that window. */
export interface RateLimits {
  perSecond: number | null;
  perMinute: number | null;
}

/**
 * The buckets' state: for each window, its theoretical arrival time (GCRA) in epoch microseconds,
 * the time by which every token taken so far would have been earned back at the limit's pace.
 * 0 (or any time past): the bucket is full.
 */
export interface BucketState {
  secondTatUs: number;
  minuteTatUs: number;
}

export interface TokenTake {
  /** When each delivery that got a token may be sent (epoch ms), in order; now or within the horizon. */
  sendAt: number[];
  /** When each of the rest would get its token at the limit's pace (epoch ms), in order: when to come back. */
  later: number[];
  /** The state after the tokens in `sendAt` were taken. */
  state: BucketState;
}

interface Window {
  key: keyof BucketState;
  /** Microseconds between two tokens. */
  intervalUs: number;
  /** How far the arrival time may run ahead of now: a full bucket's worth of tokens less one. */
  toleranceUs: number;
}

/** How long after its token is due a delivery may still start; later, it must take a new token. */
export interface TokenTiming {
  horizonMs: number;
  lateMs: number;
}

function windows(limits: RateLimits, lateMs: number): Window[] {
  const list: Window[] = [];
  const add = (key: keyof BucketState, limit: number | null, windowUs: number, burst: number) => {
    if (limit == null) return;
    const intervalUs = windowUs / limit;
    // The burst gives up what a late start can add, so sends started, not tokens taken, stay within it.
    list.push({ key, intervalUs, toleranceUs: Math.max(0, (burst - 1) * intervalUs - lateMs * 1000) });
  };
  add('secondTatUs', limits.perSecond, 1_000_000, limits.perSecond ?? 0);
  // One second's worth, not a minute's: a receiver's quota of N a minute holds in every sliding minute.
  add('minuteTatUs', limits.perMinute, 60_000_000, Math.ceil((limits.perMinute ?? 0) / 60));
  return list;
}

/**
 * Takes up to `wanted` tokens at `nowMs` (GCRA: one bucket per window, refilled evenly at the
 * limit's pace, holding one second's worth: `perSecond`, or `perMinute / 60` rounded up). A token due within `horizonMs` is taken now and its
 * delivery sent when it is due, so a waiting delivery costs no round trip; past the horizon, the
 * rest are told when their tokens would come. Both windows must allow a token; a token's time
 * is the later of the two. Sends that start at most `lateMs` after their token is due stay within
 * the burst plus the limit's pace, in any window: at most 2 × perSecond in any second, and
 * perMinute + perMinute / 60 in any minute.
 */
export function takeTokens(state: BucketState, limits: RateLimits, nowMs: number, wanted: number, { horizonMs, lateMs }: TokenTiming): TokenTake {
  const rules = windows(limits, lateMs);
  const nowUs = nowMs * 1000;
  const tat: BucketState = { ...state };
  const sendAt: number[] = [];
  const later: number[] = [];
  let taken: BucketState | undefined;
  for (let i = 0; i < wanted; i += 1) {
    let dueUs = nowUs;
    for (const rule of rules) dueUs = Math.max(dueUs, tat[rule.key] - rule.toleranceUs);
    if (!taken && dueUs - nowUs > horizonMs * 1000) taken = { ...tat };
    for (const rule of rules) tat[rule.key] = Math.max(tat[rule.key], dueUs) + rule.intervalUs;
    (taken ? later : sendAt).push(Math.ceil(dueUs / 1000));
  }
  // Rounded up: the stored arrival time is never earlier than the arithmetic's, so rounding never adds a token.
  const final = taken ?? tat;
  return { sendAt, later, state: { secondTatUs: Math.ceil(final.secondTatUs), minuteTatUs: Math.ceil(final.minuteTatUs) } };
}
