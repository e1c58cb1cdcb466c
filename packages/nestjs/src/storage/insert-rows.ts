import type { EntityManager } from 'typeorm';
import type { SqlRunner } from './sql-runner';

// Keeps every statement under SQLite's bound-parameter limit and PostgreSQL's 65535.
const MAX_PARAMETERS = 30_000;

/** Multi-row INSERT in as few statements as the parameter limits allow. */
export async function insertRows(
  sql: SqlRunner,
  table: string,
  columns: string[],
  rows: unknown[][],
  manager?: EntityManager,
): Promise<void> {
  const rowsPerStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const params: Record<string, unknown> = {};
    const tuples = chunk.map((row, r) => {
      const names = row.map((value, c) => {
        const name = `p${r}_${c}`;
        params[name] = value;
        return `:${name}`;
      });
      return `(${names.join(', ')})`;
    });
    await sql.execute(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params, manager);
  }
}
