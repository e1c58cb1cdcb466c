/**
 * Deliveries' next states, one row each: `[id, lease, ...values of columns]`. A row is written only
 * while the delivery's `locked_until` is still the lease it names (the claim its worker holds);
 * writing it releases the claim and stamps `updated_at`.
 */
export interface LeasedWrite {
  /** The row source's name in SQL. */
  name: string;
  columns: string[];
  /** SQL types of id, lease, then the columns, for databases that cannot infer them. */
  types: string[];
  rows: unknown[][];
}

/** `name (id, lease, columns…) AS (source)`, a WITH item. */
export function leasedRows(write: Pick<LeasedWrite, 'name' | 'columns'>, source: string): string {
  return `${write.name} (id, lease, ${write.columns.join(', ')}) AS (${source})`;
}

/** `UPDATE … FROM name … RETURNING id` over the WITH item of {@link leasedRows}; `now` is SQL. */
export function updateFromLeasedRows(write: Pick<LeasedWrite, 'name' | 'columns'>, now: string): string {
  const { name } = write;
  return `
  UPDATE webhook_delivery
     SET ${write.columns.map((column) => `${column} = ${name}.${column}`).join(', ')}, locked_until = NULL, updated_at = ${now}
    FROM ${name}
   WHERE webhook_delivery.id = ${name}.id AND webhook_delivery.locked_until = ${name}.lease
   RETURNING webhook_delivery.id`;
}
