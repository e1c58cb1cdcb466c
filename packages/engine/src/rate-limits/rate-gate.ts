import type { Clock } from '@hookline/core';
import type { DeliveryWork } from '../storage/delivery-records';
import type { SqlRunner } from '../storage/sql-runner';
import { takeTokens, type BucketState, type RateLimits } from './rate-bucket';
import { rateOf } from './rate-of-row';

/** Send at this time (epoch ms: now, or soon), or come back then without spending an attempt. */
export type RateDecision = { sendAt: number } | { deferUntil: Date };

/**
 * A token due within `horizonMs` is taken now and its delivery waits for it in memory; past it the
 * delivery is deferred. A delivery that could not start within `lateMs` of its token (its process
 * was busy, its endpoint's lane full) must take a new one: the bucket's burst leaves room for that
 * lateness, no more.
 */
export const TOKEN_TIMING = { horizonMs: 1_000, lateMs: 250 } as const;
/** Another process may take the same subscription's tokens between our read and our write: read again, this often at most. */
const MAX_TRIES = 8;
/** Having lost every try (a crowd of processes at one subscription), the batch comes back after this. */
const CONTENDED_DEFER_MS = 200;

/**
 * Takes the tokens of rate-limited subscriptions for a claimed batch: one conditional UPDATE per
 * limited subscription in it, which writes the bucket only if nobody changed it since it was read
 * (the claim read it), so two processes cannot spend one token. Deliveries without a token are
 * deferred to when theirs would come, and the row says until when the subscription is held.
 * A batch without limited subscriptions costs no query.
 */
export class RateGate {
  constructor(
    private readonly sql: SqlRunner,
    private readonly clock: Clock,
  ) {}

  async admit(work: DeliveryWork[]): Promise<Map<string, RateDecision>> {
    const decisions = new Map<string, RateDecision>();
    const limited = new Map<string, DeliveryWork[]>();
    for (const item of work) {
      if (!item.subscription?.rate || !item.subscription.isActive) continue;
      const list = limited.get(item.subscriptionId) ?? [];
      list.push(item);
      limited.set(item.subscriptionId, list);
    }
    for (const [subscriptionId, items] of limited) {
      const times = await this.take(subscriptionId, items[0].subscription!.rate!, items.length);
      items.forEach((item, i) => decisions.set(item.id, times[i]));
    }
    return decisions;
  }

  private async take(subscriptionId: string, seen: { limits: RateLimits; state: BucketState } | null, wanted: number): Promise<RateDecision[]> {
    for (let attempt = 0; attempt < MAX_TRIES && seen; attempt += 1) {
      const now = this.clock.now().getTime();
      const take = takeTokens(seen.state, seen.limits, now, wanted, TOKEN_TIMING);
      const heldUntil = take.later.length > 0 ? take.later[take.later.length - 1] : null;
      const won = await this.sql.updateReturning<{ id: string }>(
        {
          table: this.sql.tables.subscription,
          set:
            'rate_second_tat_us = :second, rate_minute_tat_us = :minute' +
            (heldUntil === null ? '' : ', rate_limited_until = CASE WHEN COALESCE(rate_limited_until, 0) < :heldUntil THEN :heldUntil ELSE rate_limited_until END'),
          where: `id = :id AND COALESCE(rate_second_tat_us, 0) = :seenSecond AND COALESCE(rate_minute_tat_us, 0) = :seenMinute
            AND COALESCE(rate_limit_per_second, 0) = :perSecond AND COALESCE(rate_limit_per_minute, 0) = :perMinute`,
          returning: ['id'],
        },
        {
          id: subscriptionId,
          second: take.state.secondTatUs,
          minute: take.state.minuteTatUs,
          heldUntil,
          seenSecond: seen.state.secondTatUs,
          seenMinute: seen.state.minuteTatUs,
          perSecond: seen.limits.perSecond ?? 0,
          perMinute: seen.limits.perMinute ?? 0,
        },
      );
      if (won.length > 0) return [...take.sendAt.map((sendAt) => ({ sendAt })), ...take.later.map((at) => ({ deferUntil: new Date(at) }))];
      seen = await this.read(subscriptionId);
    }
    const now = this.clock.now().getTime();
    // The limit was removed meanwhile (or the subscription deleted): nothing to wait for here.
    if (!seen) return Array.from({ length: wanted }, () => ({ sendAt: now }));
    return Array.from({ length: wanted }, () => ({ deferUntil: new Date(now + CONTENDED_DEFER_MS) }));
  }

  private async read(subscriptionId: string): Promise<{ limits: RateLimits; state: BucketState } | null> {
    const [row] = await this.sql.rows<Record<string, number | string | null>>(
      `SELECT rate_limit_per_second, rate_limit_per_minute, rate_second_tat_us, rate_minute_tat_us FROM ${this.sql.tables.subscription} WHERE id = :id`,
      { id: subscriptionId },
    );
    return row ? rateOf(row) : null;
  }
}
