import type { EntityManager } from 'typeorm';
import { valueTuples } from '../../insert-rows';
import type { SqlRunner } from '../../sql-runner';
import type { ReturningUpdate, SqlDialect } from '../sql-dialect';
import { ER_DUP_ENTRY, isMysqlError } from './mysql-errors';
import { updateLeasedRows } from './mysql-leased-update';

type MysqlWrites = Pick<SqlDialect, 'updateReturning' | 'insertNew' | 'insertOnce' | 'updateLeased' | 'deleteSome'>;

/**
 * MySQL has no UPDATE … RETURNING (MariaDB has RETURNING on INSERT and DELETE only): a transaction
 * locks the rows the update would change (a locking read sees the latest committed rows, whatever
 * the snapshot), changes exactly those, and reads them back. No other writer can touch them in
 * between, so what it returns is what it changed. `skipLocked` leaves out rows another claim holds.
 */
function updateReturning<T>(sql: SqlRunner, update: ReturningUpdate, params: Record<string, unknown>, manager?: EntityManager): Promise<T[]> {
  return sql.transaction(async (tx) => {
    const locked = await sql.rows<{ id: string }>(
      `SELECT id FROM ${update.table} WHERE ${update.where} FOR UPDATE${update.skipLocked ? ' SKIP LOCKED' : ''}`,
      params,
      tx,
    );
    if (locked.length === 0) return [];
    const lockedIds = locked.map((row) => row.id);
    await sql.execute(`UPDATE ${update.table} SET ${update.set} WHERE id IN (:...lockedIds)`, { ...params, lockedIds }, tx);
    if (update.returning.length === 1 && update.returning[0] === 'id') return locked as unknown as T[];
    return sql.rows<T>(`SELECT ${update.returning.join(', ')} FROM ${update.table} WHERE id IN (:...lockedIds)`, { lockedIds }, tx);
  }, manager);
}

export const mysqlWrites: MysqlWrites = {
  updateReturning,

  // No ON CONFLICT either. Not INSERT IGNORE: it also turns a value too long for its column into a warning and a cut row.
  async insertNew(sql, table, columns, rows, manager) {
    const { tuples, values } = valueTuples(sql, rows);
    await sql.positional(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples} ON DUPLICATE KEY UPDATE id = id`, values, manager);
    // The ids are freshly generated, so a row bearing one is a row this statement inserted.
    const inserted = await sql.rows<{ id: string }>(`SELECT id FROM ${table} WHERE id IN (:...ids)`, { ids: rows.map((row) => row[0]) }, manager);
    return inserted.map((row) => row.id);
  },

  // ON DUPLICATE KEY's affected-rows count cannot tell a skip from an insert under mysql2's FOUND_ROWS
  // flag; the duplicate-key error can, and on InnoDB it undoes only its statement, not the transaction.
  async insertOnce(sql, table, columns, values, manager) {
    try {
      await sql.positional(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values.map(() => '?').join(', ')})`, values, manager);
      return true;
    } catch (error) {
      if (isMysqlError(error, ER_DUP_ENTRY)) return false;
      throw error;
    }
  },

  updateLeased: updateLeasedRows,

  deleteSome: (sql, table, where, params, limit) => sql.execute(`DELETE FROM ${table} WHERE ${where} LIMIT ${Math.floor(limit)}`, params),
};
