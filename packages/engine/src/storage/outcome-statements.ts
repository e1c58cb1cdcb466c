import type { EntityManager } from 'typeorm';
import type { AttemptRecord, DeferRecord, ParkRecord } from './delivery-records';
import { insertRows, unnestColumns } from './insert-rows';
import { leasedRows, updateFromLeasedRows } from './leased-write';
import type { SqlRunner } from './sql-runner';

// PostgreSQL cannot infer the types of parameters in a VALUES list; SQLite reads these as affinities.
const OUTCOME_TYPES = ['varchar', 'bigint', 'varchar', 'integer', 'bigint', 'bigint', 'integer', 'varchar'];
const DEFER_TYPES = ['varchar', 'bigint', 'bigint'];

const ATTEMPT_COLUMNS = ['id', 'delivery_id', 'tenant', 'started_at', 'duration_ms', 'status_code', 'response_excerpt', 'headers', 'error'];
const ATTEMPT_TYPES = ['varchar', 'varchar', 'varchar', 'bigint', 'integer', 'integer', 'text', 'text', 'varchar'];

const attemptRow = (r: AttemptRecord) => [r.attemptId, r.deliveryId, r.tenant, r.startedAt.getTime(), r.durationMs, r.statusCode, r.responseExcerpt, r.headers, r.error];

const outcomeRow = (r: AttemptRecord) => [
  r.deliveryId,
  r.lease.getTime(),
  r.next.status,
  r.next.attemptCount,
  r.next.nextAttemptAt?.getTime() ?? null,
  r.next.deliveredAt?.getTime() ?? null,
  r.statusCode,
  r.error,
];

const deferRow = (r: DeferRecord) => [r.deliveryId, r.lease.getTime(), r.nextAttemptAt.getTime()];

// Each row is written only while the worker's claim (its lease) still holds.
const OUTCOME = { name: 'outcome', columns: ['status', 'attempt_count', 'next_attempt_at', 'delivered_at', 'last_status_code', 'last_error'], types: OUTCOME_TYPES };
const DEFERRAL = { name: 'deferral', columns: ['next_attempt_at'], types: DEFER_TYPES };

export async function insertAttempts(sql: SqlRunner, records: AttemptRecord[], manager: EntityManager): Promise<void> {
  await insertRows(sql, sql.tables.attempt, ATTEMPT_COLUMNS, records.map(attemptRow), manager);
}

/** Every attempted delivery's next state (one `UPDATE … FROM (VALUES …)` where the database has it). Returns the ids written. */
export function updateAttempted(sql: SqlRunner, records: AttemptRecord[], now: Date, manager: EntityManager): Promise<string[]> {
  return sql.dialect.updateLeased(sql, { ...OUTCOME, rows: records.map(outcomeRow) }, now, manager);
}

/** Releases deferred deliveries' claims and sets when they are due again; nothing else changes. */
export function updateDeferred(sql: SqlRunner, records: DeferRecord[], now: Date, manager: EntityManager): Promise<string[]> {
  return sql.dialect.updateLeased(sql, { ...DEFERRAL, rows: records.map(deferRow) }, now, manager);
}

/**
 * Attempt rows, attempted deliveries' next states and deferrals in a single statement, which
 * PostgreSQL runs atomically without a transaction: one round trip instead of four or five.
 * PostgreSQL only (SQLite has no data-modifying WITH). Returns the ids whose state was written.
 */
export async function writeOutcomesInOneStatement(sql: SqlRunner, attempts: AttemptRecord[], deferred: DeferRecord[], now: Date): Promise<string[]> {
  const values: unknown[] = [now.getTime()];
  const at = sql.placeholder(1);
  const parts: string[] = [];
  const written: string[] = [];
  if (attempts.length > 0) {
    const inserted = unnestColumns(sql, attempts.map(attemptRow), ATTEMPT_TYPES, values);
    const outcomes = unnestColumns(sql, attempts.map(outcomeRow), OUTCOME_TYPES, values);
    parts.push(`attempt AS (INSERT INTO ${sql.tables.attempt} (${ATTEMPT_COLUMNS.join(', ')}) SELECT * FROM ${inserted})`);
    parts.push(leasedRows(OUTCOME, `SELECT * FROM ${outcomes}`), `attempted AS (${updateFromLeasedRows(sql.tables.delivery, OUTCOME, at)})`);
    written.push('SELECT id FROM attempted');
  }
  if (deferred.length > 0) {
    const deferrals = unnestColumns(sql, deferred.map(deferRow), DEFER_TYPES, values);
    parts.push(leasedRows(DEFERRAL, `SELECT * FROM ${deferrals}`), `deferred AS (${updateFromLeasedRows(sql.tables.delivery, DEFERRAL, at)})`);
    written.push('SELECT id FROM deferred');
  }
  const { rows } = await sql.prepared<{ id: string }>(`WITH ${parts.join(', ')} ${written.join(' UNION ALL ')}`, values);
  return rows.map((row) => row.id);
}

/** Parked deliveries (subscription disabled or deleted) are rare: one statement each. */
export async function updateParked(sql: SqlRunner, records: ParkRecord[], now: Date, manager: EntityManager): Promise<string[]> {
  const written: string[] = [];
  for (const p of records) {
    const changed = await sql.execute(
      `UPDATE ${sql.tables.delivery} SET status = :status, next_attempt_at = NULL, last_error = :error,
              locked_until = NULL, updated_at = :now
        WHERE id = :id AND locked_until = :lease`,
      { id: p.deliveryId, lease: p.lease.getTime(), status: p.status, error: p.error, now: now.getTime() },
      manager,
    );
    if (changed > 0) written.push(p.deliveryId);
  }
  return written;
}
