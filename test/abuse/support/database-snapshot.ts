import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

// Not changes the caller made: bumped by every authenticated request, and written every few
// seconds by the worker's limit reporter once a test event taught it an endpoint's limit.
const VOLATILE_COLUMNS = new Set(['last_used_at', 'concurrency_limit']);

/** Row count and a hash of every row of each webhook_* table, to show a request changed nothing. */
export async function snapshotWebhookTables(dataSource: DataSource): Promise<Record<string, { rows: number; hash: string }>> {
  const tables = dataSource.entityMetadatas.filter((m) => m.tableName.startsWith('webhook_')).sort((a, b) => a.tableName.localeCompare(b.tableName));
  const snapshot: Record<string, { rows: number; hash: string }> = {};
  for (const { tableName: table, primaryColumns } of tables) {
    // By primary key, whatever it is (the inbox's is sender + event id).
    const rows: Record<string, unknown>[] = await dataSource.query(`SELECT * FROM ${table} ORDER BY ${primaryColumns.map((c) => c.databaseName).join(', ')}`);
    const stable = rows.map((row) => Object.entries(row).filter(([column]) => !VOLATILE_COLUMNS.has(column)));
    snapshot[table] = { rows: rows.length, hash: createHash('sha256').update(JSON.stringify(stable)).digest('hex') };
  }
  return snapshot;
}
