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
    `SELECT id, locked_until FROM webhook_delivery WHERE id IN (:...ids) FOR UPDATE`,
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
  const set = write.columns.map((column) => `webhook_delivery.${column} = ${name}.${column}`).join(', ');
  await sql.positional(
    `UPDATE webhook_delivery JOIN (${source}) AS ${name} ON webhook_delivery.id = ${name}.id
        SET ${set}, webhook_delivery.locked_until = NULL, webhook_delivery.updated_at = ?`,
    values,
    manager,
  );
  return rows.map((row) => row[0] as string);
}
