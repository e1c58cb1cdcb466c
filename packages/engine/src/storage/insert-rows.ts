import type { EntityManager } from 'typeorm';
import type { SqlRunner } from './sql-runner';

// Keeps every statement under SQLite's bound-parameter limit and PostgreSQL's 65535.
export const MAX_PARAMETERS = 30_000;

/** Multi-row INSERT in as few statements as the parameter and statement-size limits allow. */
export async function insertRows(
  sql: SqlRunner,
  table: string,
  columns: string[],
  rows: unknown[][],
  manager?: EntityManager,
): Promise<void> {
  for (const chunk of statementChunks(sql, columns.length, rows)) {
    const { tuples, values } = valueTuples(sql, chunk);
    await sql.positional(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples}`, values, manager);
  }
}

/** `rows` in runs short enough for one statement each: MAX_PARAMETERS, and the dialect's statementBytes. */
export function statementChunks(sql: SqlRunner, columnCount: number, rows: unknown[][]): unknown[][][] {
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columnCount));
  const maxBytes = sql.dialect.statementBytes ?? Infinity;
  const chunks: unknown[][][] = [];
  let chunk: unknown[][] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = maxBytes === Infinity ? 0 : boundBytes(row);
    if (chunk.length > 0 && (chunk.length >= rowsPerStatement || bytes + size > maxBytes)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(row);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

// Twice a string's bytes: escaped into the statement's text, a quote or backslash takes two.
const boundBytes = (row: unknown[]) => row.reduce<number>((sum, value) => sum + (typeof value === 'string' ? 2 * Buffer.byteLength(value) : 24), 0);

/**
 * `(p1, p2), (p3, p4)…` for a VALUES list, with the flat parameter list; `casts` (one SQL type
 * per column, or null) types the parameters where the database cannot infer them. Given `values`
 * (the parameters of the statement so far), numbering continues after them and they are appended to.
 */
export function valueTuples(
  sql: SqlRunner,
  rows: unknown[][],
  casts?: (string | null)[],
  values: unknown[] = [],
): { tuples: string; values: unknown[] } {
  const tuples = rows
    .map((row) => {
      const cells = row.map((value, column) => {
        values.push(value);
        const placeholder = sql.placeholder(values.length);
        const type = casts?.[column];
        return type ? `CAST(${placeholder} AS ${type})` : placeholder;
      });
      return `(${cells.join(', ')})`;
    })
    .join(', ');
  return { tuples, values };
}

/**
 * PostgreSQL only: `unnest(CAST($1 AS varchar[]), CAST($2 AS bigint[]), …)`, a row source that
 * carries `rows` as one array parameter per column (`types`, one SQL type each). The statement's
 * text stays the same whatever the row count and PostgreSQL binds a handful of parameters instead
 * of thousands: measured, parse + bind of a 100-row VALUES list cost more than running it.
 * `values` (the statement's parameters so far) is appended to.
 */
export function unnestColumns(sql: SqlRunner, rows: unknown[][], types: string[], values: unknown[]): string {
  const columns = types.map((type, column) => {
    values.push(rows.map((row) => row[column]));
    return `CAST(${sql.placeholder(values.length)} AS ${type}[])`;
  });
  return `unnest(${columns.join(', ')})`;
}
