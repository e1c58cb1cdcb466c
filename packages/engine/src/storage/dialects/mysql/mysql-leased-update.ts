import type { EntityManager } from 'typeorm';
import type { LeasedWrite } from '../../leased-write';
import type { SqlRunner } from '../../sql-runner';

/**
 * {@link LeasedWrite} on MySQL, inside the caller's transaction: lock the deliveries, keep those
 * whose claim is still the one named, and write exactly those with one UPDATE … JOIN over the rows
 * (a UNION ALL of SELECTs: MySQL's and MariaDB's row constructors are spelled differently).
 */
export async function updateLeasedRows(sql: SqlRunner, write: LeasedWrite, now: Date, manager: EntityManager): Promise<string[]> {
  if (write.rows.length === 0) return [];
  const leases = new Map(write.rows.map((row) => [row[0] as string, Number(row[1])]));
  const held = await sql.rows<{ id: string; locked_until: string | number | null }>(
    `SELECT id, locked_until FROM ${sql.tables.delivery} WHERE id IN (:...ids) FOR UPDATE`,
    { ids: [...leases.keys()] },
    manager,
  );
  const mine = new Set(held.filter((row) => row.locked_until != null && Number(row.locked_until) === leases.get(row.id)).map((row) => row.id));
  const rows = write.rows.filter((row) => mine.has(row[0] as string)).map(([id, , ...values]) => [id, ...values]);
  if (rows.length === 0) return [];
  // The first SELECT names the columns; the values go in row by row, as the placeholders stand.
  const names = ['id', ...write.columns];
  const source = rows.map((row, index) => `SELECT ${row.map((_, column) => (index === 0 ? `? AS ${names[column]}` : '?')).join(', ')}`).join(' UNION ALL ');
  const values = [...rows.flat(), now.getTime()];
  const { name } = write;
  const set = write.columns.map((column) => `d.${column} = ${name}.${column}`).join(', ');
  await sql.positional(
    `UPDATE ${sql.tables.delivery} AS d JOIN (${source}) AS ${name} ON d.id = ${name}.id
        SET ${set}, d.locked_until = NULL, d.updated_at = ?`,
    values,
    manager,
  );
  return rows.map((row) => row[0] as string);
}
