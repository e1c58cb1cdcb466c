import type { DataSource, EntityManager } from 'typeorm';
import { SqlRunner, toDate } from './sql-runner';
import type { DeliveryStatus } from './webhook-delivery.entity';
import { insertRows, valueTuples } from './insert-rows';

// PostgreSQL cannot infer the types of parameters in a VALUES list; SQLite reads these as affinities.
const OUTCOME_COLUMN_TYPES = ['varchar', 'bigint', 'varchar', 'integer', 'bigint', 'bigint', 'integer', 'varchar'];

/** Everything a worker needs to attempt one claimed delivery, read in one query. */
export interface DeliveryWork {
  id: string;
  tenant: string;
  messageId: string;
  subscriptionId: string;
  attemptCount: number;
  seriesStartedAt: Date;
  type: string;
  payload: string;
  channels: string | null;
  occurredAt: Date;
  /** Null when the subscription was deleted after the message was published. */
  subscription: {
    url: string;
    profile: string | null;
    isActive: boolean;
    secretCurrentEnc: string;
    secretPreviousEnc: string | null;
    secretPreviousExpiresAt: Date | null;
  } | null;
}

/** The result of one attempt, as it is written back. */
export interface AttemptRecord {
  deliveryId: string;
  tenant: string;
  /** The claim this worker holds; the write only lands while it still holds it. */
  lease: Date;
  attemptId: string;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
  /** The endpoint answered 410 Gone: its subscription is disabled after the write. */
  gone?: boolean;
  next: { status: DeliveryStatus; attemptCount: number; nextAttemptAt: Date | null; deliveredAt: Date | null };
}

/** A delivery parked without an attempt (its subscription is disabled or gone). */
export interface ParkRecord {
  deliveryId: string;
  lease: Date;
  status: DeliveryStatus;
  error: string;
}

/** The delivery table's hot paths: claim, read, record, sweep. */
export class DeliveryStore {
  readonly sql: SqlRunner;

  constructor(dataSource: DataSource) {
    this.sql = new SqlRunner(dataSource);
  }

  /**
   * Claims the given deliveries that are pending, due (within `dueSlackMs`) and unclaimed, in one
   * statement, so two workers never send the same delivery at once. Returns the ids it won.
   */
  async claim(ids: string[], now: Date, lease: Date, dueSlackMs = 1_000): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.rows<{ id: string }>(
      `UPDATE webhook_delivery SET locked_until = :lease, updated_at = :now
        WHERE id IN (:...ids) AND status = 'pending' AND next_attempt_at <= :dueBy
          AND (locked_until IS NULL OR locked_until < :now)
        RETURNING id`,
      { ids, lease: lease.getTime(), now: now.getTime(), dueBy: now.getTime() + dueSlackMs },
    );
    return rows.map((row) => row.id);
  }

  async loadWork(ids: string[]): Promise<DeliveryWork[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.rows<Record<string, any>>(
      `SELECT d.id, d.tenant, d.message_id, d.subscription_id, d.attempt_count, d.series_started_at,
              m.type, m.payload, m.channels, m.created_at AS occurred_at,
              s.id AS s_id, s.url, s.profile, s.is_active, s.secret_current_enc, s.secret_previous_enc,
              s.secret_previous_expires_at
         FROM webhook_delivery d
         JOIN webhook_message m ON m.id = d.message_id
         LEFT JOIN webhook_subscription s ON s.id = d.subscription_id
        WHERE d.id IN (:...ids)`,
      { ids },
    );
    return rows.map((row) => ({
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
      subscription: row.s_id
        ? {
            url: row.url,
            profile: row.profile,
            isActive: row.is_active === true || row.is_active === 1,
            secretCurrentEnc: row.secret_current_enc,
            secretPreviousEnc: row.secret_previous_enc,
            secretPreviousExpiresAt: toDate(row.secret_previous_expires_at),
          }
        : null,
    }));
  }

  /**
   * Writes attempts and the deliveries' next states in one transaction. A delivery whose claim
   * expired and was taken by another worker is left alone (its attempt row is still kept).
   * Returns the ids whose state was written.
   */
  async record(records: AttemptRecord[], parked: ParkRecord[], now: Date): Promise<Set<string>> {
    const written = new Set<string>();
    if (records.length === 0 && parked.length === 0) return written;
    await this.sql.transaction(async (manager) => {
      await insertRows(
        this.sql,
        'webhook_attempt',
        ['id', 'delivery_id', 'tenant', 'started_at', 'duration_ms', 'status_code', 'response_excerpt', 'error'],
        records.map((r) => [
          r.attemptId,
          r.deliveryId,
          r.tenant,
          r.startedAt.getTime(),
          r.durationMs,
          r.statusCode,
          r.responseExcerpt,
          r.error,
        ]),
        manager,
      );
      if (records.length > 0) {
        for (const id of await this.writeOutcomes(records, now, manager)) written.add(id);
      }
      for (const p of parked) {
        const changed = await this.sql.execute(
          `UPDATE webhook_delivery SET status = :status, next_attempt_at = NULL, last_error = :error,
                  locked_until = NULL, updated_at = :now
            WHERE id = :id AND locked_until = :lease`,
          { id: p.deliveryId, lease: p.lease.getTime(), status: p.status, error: p.error, now: now.getTime() },
          manager,
        );
        if (changed > 0) written.add(p.deliveryId);
      }
    });
    return written;
  }

  /** Every delivery's next state in one statement; only rows still under this worker's claim change. */
  private async writeOutcomes(records: AttemptRecord[], now: Date, manager: EntityManager): Promise<string[]> {
    const { tuples, values } = valueTuples(
      this.sql,
      records.map((r) => [
        r.deliveryId,
        r.lease.getTime(),
        r.next.status,
        r.next.attemptCount,
        r.next.nextAttemptAt?.getTime() ?? null,
        r.next.deliveredAt?.getTime() ?? null,
        r.statusCode,
        r.error,
      ]),
      OUTCOME_COLUMN_TYPES,
    );
    values.push(now.getTime());
    const { rows } = await this.sql.positional<{ id: string }>(
      `WITH outcome (id, lease, status, attempt_count, next_attempt_at, delivered_at, last_status_code, last_error)
              AS (VALUES ${tuples})
       UPDATE webhook_delivery
          SET status = outcome.status, attempt_count = outcome.attempt_count, next_attempt_at = outcome.next_attempt_at,
              delivered_at = outcome.delivered_at, last_status_code = outcome.last_status_code,
              last_error = outcome.last_error, locked_until = NULL, updated_at = ${this.sql.placeholder(values.length)}
         FROM outcome
        WHERE webhook_delivery.id = outcome.id AND webhook_delivery.locked_until = outcome.lease
        RETURNING webhook_delivery.id`,
      values,
      manager,
    );
    return rows.map((row) => row.id);
  }

  /** Pending deliveries that are due and unclaimed but have waited `staleAfterMs`: their job was lost. */
  async findStranded(now: Date, staleAfterMs: number, limit: number): Promise<{ id: string; attemptCount: number }[]> {
    const rows = await this.sql.rows<{ id: string; attempt_count: number | string }>(
      `SELECT id, attempt_count FROM webhook_delivery
        WHERE status = 'pending' AND next_attempt_at <= :cutoff
          AND (locked_until IS NULL OR locked_until < :now)
        ORDER BY next_attempt_at
        LIMIT ${Math.floor(limit)}`,
      { cutoff: now.getTime() - staleAfterMs, now: now.getTime() },
    );
    return rows.map((row) => ({ id: row.id, attemptCount: Number(row.attempt_count) }));
  }
}
