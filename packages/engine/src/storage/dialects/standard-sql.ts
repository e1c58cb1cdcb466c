import type { EntityManager } from 'typeorm';
import { valueTuples } from '../insert-rows';
import { leasedRows, updateFromLeasedRows } from '../leased-write';
import type { SqlRunner } from '../sql-runner';
import type { ReturningUpdate, SqlDialect } from './sql-dialect';

type StandardSql = Pick<SqlDialect, 'integer' | 'quotient' | 'updateReturning' | 'insertNew' | 'insertOnce' | 'updateLeased' | 'deleteSome'>;

/**
 * What PostgreSQL and SQLite write alike. Both have UPDATE/INSERT … RETURNING and ON CONFLICT:
 * each write is one statement, atomic on its own, whose RETURNING names exactly the rows it changed.
 */
export const standardSql: StandardSql = {
  integer: (expression) => `CAST(${expression} AS bigint)`,
  // SQLite binds numbers as floats: without the CAST the quotient keeps its fraction.
  quotient: (dividend, divisor) => `CAST((${dividend}) / ${divisor} AS INTEGER)`,

  updateReturning: <T>(sql: SqlRunner, update: ReturningUpdate, params: Record<string, unknown>, manager?: EntityManager) =>
    sql.rows<T>(`UPDATE ${update.table} SET ${update.set} WHERE ${update.where} RETURNING ${update.returning.join(', ')}`, params, manager),

  async insertNew(sql, table, columns, rows, manager) {
    const { tuples, values } = valueTuples(sql, rows);
    const { rows: inserted } = await sql.positional<{ id: string }>(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples} ON CONFLICT DO NOTHING RETURNING id`,
      values,
      manager,
    );
    return inserted.map((row) => row.id);
  },

  async insertOnce(sql, table, columns, values, manager) {
    const placeholders = values.map((_, i) => sql.placeholder(i + 1)).join(', ');
    const { rows } = await sql.positional(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders}) ON CONFLICT DO NOTHING RETURNING 1 AS inserted`, values, manager);
    return rows.length === 1;
  },

  async updateLeased(sql, write, now, manager) {
    if (write.rows.length === 0) return [];
    const { tuples, values } = valueTuples(sql, write.rows, write.types);
    values.push(now.getTime());
    const { rows } = await sql.positional<{ id: string }>(
      `WITH ${leasedRows(write, `VALUES ${tuples}`)} ${updateFromLeasedRows(sql.tables.delivery, write, sql.placeholder(values.length))}`,
      values,
      manager,
    );
    return rows.map((row) => row.id);
  },

  // Neither allows LIMIT on DELETE (SQLite only when compiled to).
  deleteSome: (sql, table, where, params, limit, key = ['id']) =>
    sql.execute(`DELETE FROM ${table} WHERE (${key.join(', ')}) IN (SELECT ${key.join(', ')} FROM ${table} WHERE ${where} LIMIT ${Math.floor(limit)})`, params),
};
