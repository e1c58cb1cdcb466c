import type { DataSource } from 'typeorm';
import type { OrderingOnFailure } from '../options/hookline-options';
import type { DeliveryWork, OutcomeBatch } from './delivery-records';
import { insertAttempts, updateAttempted, updateDeferred, updateParked, writeOutcomesInOneStatement } from './outcome-statements';
import { SqlRunner, toDate } from './sql-runner';
import { rateOf } from '../rate-limits/rate-of-row';

export type { AttemptRecord, DeferRecord, DeliveryWork, OutcomeBatch, ParkRecord } from './delivery-records';

const WORK_COLUMNS = `m.type, m.payload, m.channels, m.created_at AS occurred_at, m.traceparent, m.tracestate, d.ordering_key,
       s.id AS s_id, s.url, s.profile, s.is_active, s.secret_current_enc, s.secret_previous_enc,
       s.secret_previous_expires_at, s.headers_enc, s.failure_streak, s.breaker_open_until, s.breaker_opened_at,
       s.rate_limit_per_second, s.rate_limit_per_minute, s.rate_second_tat_us, s.rate_minute_tat_us`;
const WORK_COLUMN_COUNT = WORK_COLUMNS.split(',').length;

/** Up to this many outcomes (16 parameters each at most) are written by one statement on PostgreSQL. */
const ONE_STATEMENT_OUTCOMES = 1_000;

// A claim names its rows by id: they must be found through the primary key. Written plainly,
// `status = 'pending' AND next_attempt_at <= …` matches the partial due index, which PostgreSQL
// then prefers whenever its statistics say few rows are pending (the steady state), and scans
// every entry of, dead ones included: measured at 3-4 ms per claim on a 20k-row table against
// 0.25 ms by primary key. COALESCE keeps the condition out of the index's reach.
function claimable(dueBy: string, now: string, row?: string): string {
  const column = (name: string) => (row ? `${row}.${name}` : name);
  return `COALESCE(${column('status')}, '') = 'pending' AND ${column('next_attempt_at')} <= ${dueBy} AND (${column('locked_until')} IS NULL OR ${column('locked_until')} < ${now})`;
}
const CLAIM_CONDITION = claimable(':dueBy', ':now');

/**
 * `row` (a delivery in the statement) has no earlier delivery of its ordering key to its subscription
 * still `blocking` it: the head of each key is the only one of it that can be claimed. By id, which
 * follows publish order; through idx_webhook_delivery_order.
 */
function inKeyOrder(deliveries: string, row: string, blocking: string): string {
  return `(${row}.ordering_key IS NULL OR NOT EXISTS (SELECT 1 FROM ${deliveries} e
     WHERE e.subscription_id = ${row}.subscription_id AND e.ordering_key = ${row}.ordering_key AND e.id < ${row}.id AND e.status IN (${blocking})))`;
}

/** A subscription whose deliveries are put back until `until` instead of being claimed. */
export interface HoldBack {
  subscriptionId: string;
  until: Date;
}

/** The delivery table's hot paths: claim, read, record, sweep. */
export class DeliveryStore {
  readonly sql: SqlRunner;
  /** Statuses of an earlier delivery of the same ordering key that keep a later one waiting. */
  private readonly blocking: string;

  constructor(dataSource: DataSource, options: { preparedStatements?: boolean; orderingOnFailure?: OrderingOnFailure } = {}) {
    this.sql = new SqlRunner(dataSource, options.preparedStatements);
    this.blocking = options.orderingOnFailure === 'block' ? `'pending', 'failed'` : `'pending'`;
  }

  /** Whether a delivery that ended in `status` lets the next one of its ordering key go. */
  releasesNextInKey(status: 'delivered' | 'failed'): boolean {
    return status === 'delivered' || this.blocking === `'pending'`;
  }

  /** The first pending delivery of each (subscription, ordering key), to hand to the queue when the one before it finished. */
  async nextInKey(keys: { subscriptionId: string; orderingKey: string }[]): Promise<string[]> {
    const ids: string[] = [];
    for (const key of keys) {
      const [row] = await this.sql.rows<{ id: string }>(
        `SELECT id FROM ${this.sql.tables.delivery}
          WHERE subscription_id = :subscriptionId AND ordering_key = :orderingKey AND status = 'pending'
          ORDER BY id LIMIT 1`,
        key,
      );
      if (row) ids.push(row.id);
    }
    return ids;
  }

  /**
   * Claims the given deliveries that are pending, due (within `dueSlackMs`) and unclaimed, so two
   * workers never send the same delivery at once: one statement, or (MySQL) a transaction that locks
   * the rows before it changes them, leaving out those another worker is claiming. Returns the ids it won.
   */
  async claim(ids: string[], now: Date, lease: Date, dueSlackMs = 1_000): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.updateReturning<{ id: string }>(
      {
        table: `${this.sql.tables.delivery} AS c`,
        set: 'locked_until = :lease, updated_at = :now',
        where: `id IN (:...ids) AND ${CLAIM_CONDITION} AND ${inKeyOrder(this.sql.tables.delivery, 'c', this.blocking)}`,
        returning: ['id'],
        skipLocked: true,
      },
      { ids, lease: lease.getTime(), now: now.getTime(), dueBy: now.getTime() + dueSlackMs },
    );
    return rows.map((row) => row.id);
  }

  /** {@link claim} and {@link loadWork} together: one round trip on PostgreSQL. */
  async claimWork(ids: string[], now: Date, lease: Date, dueSlackMs = 1_000): Promise<DeliveryWork[]> {
    if (ids.length === 0) return [];
    if (!this.sql.dialect.writesInOneStatement) return this.loadWork(await this.claim(ids, now, lease, dueSlackMs));
    const { rows } = await this.sql.prepared<Record<string, any>>(
      `WITH d AS (
         UPDATE ${this.sql.tables.delivery} AS c SET locked_until = $2, updated_at = $3
          WHERE id = ANY(CAST($1 AS varchar[])) AND ${claimable('$4', '$3')}
            AND ${inKeyOrder(this.sql.tables.delivery, 'c', this.blocking)}
          RETURNING id, tenant, message_id, subscription_id, attempt_count, series_started_at, ordering_key)
       SELECT d.id, d.tenant, d.message_id, d.subscription_id, d.attempt_count, d.series_started_at, ${WORK_COLUMNS}
         FROM d
         JOIN ${this.sql.tables.message} m ON m.id = d.message_id
         LEFT JOIN ${this.sql.tables.subscription} s ON s.id = d.subscription_id`,
      [ids, lease.getTime(), now.getTime(), now.getTime() + dueSlackMs],
    );
    return rows.map(toWork);
  }

  /**
   * {@link holdBack} and {@link claimWork} over the same job: the held-back subscriptions'
   * deliveries are put back and every other claimable one is claimed. On PostgreSQL one statement
   * (the two updates touch disjoint rows of one snapshot), so a job beside a slow endpoint costs
   * the round trip and the parse of a job without one.
   */
  async claimWorkHolding(ids: string[], holds: HoldBack[], now: Date, lease: Date, dueSlackMs = 1_000): Promise<{ work: DeliveryWork[]; held: Map<string, number> }> {
    if (holds.length === 0 || ids.length === 0 || !this.sql.dialect.writesInOneStatement) {
      const held = await this.holdBack(ids, holds, now, dueSlackMs);
      return { work: await this.claimWork(ids, now, lease, dueSlackMs), held };
    }
    const { rows } = await this.sql.prepared<Record<string, any>>(
      `WITH held AS (
         UPDATE ${this.sql.tables.delivery} AS h SET next_attempt_at = b.until, updated_at = $3
           FROM unnest(CAST($5 AS varchar[]), CAST($6 AS bigint[])) AS b (subscription_id, until)
          WHERE h.id = ANY(CAST($1 AS varchar[])) AND h.subscription_id = b.subscription_id AND ${claimable('$4', '$3', 'h')}
          RETURNING h.subscription_id),
       d AS (
         UPDATE ${this.sql.tables.delivery} AS c SET locked_until = $2, updated_at = $3
          WHERE c.id = ANY(CAST($1 AS varchar[])) AND c.subscription_id <> ALL(CAST($5 AS varchar[])) AND ${claimable('$4', '$3', 'c')}
            AND ${inKeyOrder(this.sql.tables.delivery, 'c', this.blocking)}
          RETURNING id, tenant, message_id, subscription_id, attempt_count, series_started_at, ordering_key)
       SELECT d.id, d.tenant, d.message_id, d.subscription_id, d.attempt_count, d.series_started_at, ${WORK_COLUMNS}, NULL AS held_for
         FROM d
         JOIN ${this.sql.tables.message} m ON m.id = d.message_id
         LEFT JOIN ${this.sql.tables.subscription} s ON s.id = d.subscription_id
       UNION ALL
       SELECT ${Array.from({ length: WORK_COLUMN_COUNT + 6 }, () => 'NULL').join(', ')}, held.subscription_id FROM held`,
      [ids, lease.getTime(), now.getTime(), now.getTime() + dueSlackMs, holds.map((h) => h.subscriptionId), holds.map((h) => h.until.getTime())],
    );
    const held = new Map<string, number>();
    const work: DeliveryWork[] = [];
    for (const row of rows) {
      if (row.held_for) held.set(row.held_for, (held.get(row.held_for) ?? 0) + 1);
      else work.push(toWork(row));
    }
    return { work, held };
  }

  /**
   * Puts back, unclaimed, the given deliveries that belong to the held-back subscriptions and are
   * claimable: each is due again at its subscription's `until`. Cheaper than claiming a delivery
   * only to defer it. Returns how many were put back per subscription.
   */
  async holdBack(ids: string[], holds: HoldBack[], now: Date, dueSlackMs = 1_000): Promise<Map<string, number>> {
    const held = new Map<string, number>();
    if (ids.length === 0 || holds.length === 0) return held;
    const params: Record<string, unknown> = { ids, subscriptions: holds.map((h) => h.subscriptionId), now: now.getTime(), dueBy: now.getTime() + dueSlackMs };
    const cases = holds.map((h, i) => {
      params[`s${i}`] = h.subscriptionId;
      params[`u${i}`] = h.until.getTime();
      return `WHEN :s${i} THEN ${this.sql.dialect.integer(`:u${i}`)}`;
    });
    const rows = await this.sql.updateReturning<{ subscription_id: string }>(
      {
        table: this.sql.tables.delivery,
        set: `next_attempt_at = CASE subscription_id ${cases.join(' ')} END, updated_at = :now`,
        where: `id IN (:...ids) AND subscription_id IN (:...subscriptions) AND ${CLAIM_CONDITION}`,
        returning: ['subscription_id'],
        skipLocked: true,
      },
      params,
    );
    for (const { subscription_id: id } of rows) held.set(id, (held.get(id) ?? 0) + 1);
    return held;
  }

  /**
   * Makes due now the subscription's deliveries that were deferred to wait for a slot and are due
   * by `until`: never attempted (a retry keeps its backoff), unclaimed, at most `limit`, soonest
   * first. Returns their ids, for the queue; if that enqueue is lost they are due and unclaimed,
   * so the sweeper finds them.
   */
  async bringForward(subscriptionId: string, now: Date, until: Date, limit: number): Promise<string[]> {
    const deferred = `status = 'pending' AND subscription_id = :subscriptionId AND attempt_count = 0
        AND next_attempt_at > :now AND next_attempt_at <= :until AND (locked_until IS NULL OR locked_until < :now)`;
    const params = { subscriptionId, now: now.getTime(), until: until.getTime() };
    const found = await this.sql.rows<{ id: string }>(
      `SELECT id FROM ${this.sql.tables.delivery} WHERE ${deferred} ORDER BY next_attempt_at LIMIT ${Math.floor(limit)}`,
      params,
    );
    if (found.length === 0) return [];
    const rows = await this.sql.updateReturning<{ id: string }>(
      { table: this.sql.tables.delivery, set: 'next_attempt_at = :now, updated_at = :now', where: `id IN (:...ids) AND ${deferred}`, returning: ['id'], skipLocked: true },
      { ...params, ids: found.map((row) => row.id) },
    );
    return rows.map((row) => row.id);
  }

  /**
   * Extends claims this worker still holds (`locked_until` is still the lease it took) to
   * `lease`; a claim that lapsed and was taken by another worker is left alone. Returns the ids
   * extended.
   */
  async extendClaims(ids: string[], heldUntil: Date, lease: Date, now: Date): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.updateReturning<{ id: string }>(
      { table: this.sql.tables.delivery, set: 'locked_until = :lease, updated_at = :now', where: `id IN (:...ids) AND locked_until = :held AND status = 'pending'`, returning: ['id'] },
      { ids, lease: lease.getTime(), held: heldUntil.getTime(), now: now.getTime() },
    );
    return rows.map((row) => row.id);
  }

  async loadWork(ids: string[]): Promise<DeliveryWork[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.rows<Record<string, any>>(
      `SELECT d.id, d.tenant, d.message_id, d.subscription_id, d.attempt_count, d.series_started_at, ${WORK_COLUMNS}
         FROM ${this.sql.tables.delivery} d
         JOIN ${this.sql.tables.message} m ON m.id = d.message_id
         LEFT JOIN ${this.sql.tables.subscription} s ON s.id = d.subscription_id
        WHERE d.id IN (:...ids)`,
      { ids },
    );
    return rows.map(toWork);
  }

  /**
   * Writes attempts and the deliveries' next states in one transaction. A delivery whose claim
   * expired and was taken by another worker is left alone (its attempt row is still kept).
   * Returns the ids whose state was written.
   */
  async record(batch: OutcomeBatch, now: Date): Promise<Set<string>> {
    const { attempts, parked, deferred } = batch;
    if (attempts.length + parked.length + deferred.length === 0) return new Set();
    if (this.sql.dialect.writesInOneStatement && parked.length === 0 && attempts.length + deferred.length <= ONE_STATEMENT_OUTCOMES) {
      return new Set(await writeOutcomesInOneStatement(this.sql, attempts, deferred, now));
    }
    return this.sql.transaction(async (manager) => {
      await insertAttempts(this.sql, attempts, manager);
      return new Set([
        ...(await updateAttempted(this.sql, attempts, now, manager)),
        ...(await updateDeferred(this.sql, deferred, now, manager)),
        ...(await updateParked(this.sql, parked, now, manager)),
      ]);
    });
  }

  /** Pending deliveries that are due and unclaimed but have waited `staleAfterMs`: their job was lost. */
  async findStranded(now: Date, staleAfterMs: number, limit: number): Promise<{ id: string; attemptCount: number }[]> {
    const rows = await this.sql.rows<{ id: string; attempt_count: number | string }>(
      `SELECT id, attempt_count FROM ${this.sql.tables.delivery} d
        WHERE status = 'pending' AND next_attempt_at <= :cutoff
          AND (locked_until IS NULL OR locked_until < :now)
          AND ${inKeyOrder(this.sql.tables.delivery, 'd', this.blocking)}
        ORDER BY next_attempt_at
        LIMIT ${Math.floor(limit)}`,
      { cutoff: now.getTime() - staleAfterMs, now: now.getTime() },
    );
    return rows.map((row) => ({ id: row.id, attemptCount: Number(row.attempt_count) }));
  }
}

function toWork(row: Record<string, any>): DeliveryWork {
  return {
    id: row.id,
    tenant: row.tenant,
    messageId: row.message_id,
    subscriptionId: row.subscription_id,
    attemptCount: Number(row.attempt_count),
    seriesStartedAt: toDate(row.series_started_at)!,
    type: row.type,
    payload: row.payload,
    channels: row.channels,
    occurredAt: toDate(row.occurred_at)!,
    orderingKey: row.ordering_key ?? null,
    trace: row.traceparent ? { traceparent: row.traceparent, tracestate: row.tracestate ?? undefined } : null,
    subscription: row.s_id
      ? {
          url: row.url,
          profile: row.profile,
          isActive: row.is_active === true || row.is_active === 1,
          secretCurrentEnc: row.secret_current_enc,
          secretPreviousEnc: row.secret_previous_enc,
          secretPreviousExpiresAt: toDate(row.secret_previous_expires_at),
          headersEnc: row.headers_enc ?? null,
          failureStreak: Number(row.failure_streak ?? 0),
          breakerOpenUntil: toDate(row.breaker_open_until),
          breakerOpenedAt: toDate(row.breaker_opened_at),
          rate: rateOf(row),
        }
      : null,
  };
}
