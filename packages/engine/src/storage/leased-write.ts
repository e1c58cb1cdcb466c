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

/** `name (delivery_id, lease, columns…) AS (source)`, a WITH item. */
export function leasedRows(write: Pick<LeasedWrite, 'name' | 'columns'>, source: string): string {
  return `${write.name} (delivery_id, lease, ${write.columns.join(', ')}) AS (${source})`;
}

/**
 * `UPDATE deliveries … FROM name … RETURNING id` over the WITH item of {@link leasedRows}; `now` is SQL.
 * The item's columns are named apart from the table's id and locked_until, so those need no
 * qualifier (SQLite's RETURNING accepts none, and a schema-qualified table has no short name).
 */
export function updateFromLeasedRows(deliveries: string, write: Pick<LeasedWrite, 'name' | 'columns'>, now: string): string {
  const { name } = write;
  return `
  UPDATE ${deliveries}
     SET ${write.columns.map((column) => `${column} = ${name}.${column}`).join(', ')}, locked_until = NULL, updated_at = ${now}
    FROM ${name}
   WHERE id = ${name}.delivery_id AND locked_until = ${name}.lease
   RETURNING id`;
}
