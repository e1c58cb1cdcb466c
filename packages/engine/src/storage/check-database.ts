import type { DataSource, EntityMetadata } from 'typeorm';
import { DatabaseCheckError } from './database-check-error';
import { HOOKLINE_ENTITIES } from './entities';
import type { SqlRunner } from './sql-runner';

/** Start-up's first question: does the database answer at all. */
export async function checkReachable(dataSource: DataSource, sql: SqlRunner): Promise<void> {
  try {
    await sql.rows('SELECT 1 AS one');
  } catch (error) {
    throw new DatabaseCheckError(
      'HOOKLINE_DATABASE_UNREACHABLE',
      `Hookline could not reach its database (${dataSource.options.type}): ${(error as Error).message}. Check the DataSource's host, port and credentials, and that the server is running and accepts connections from this process.`,
      { cause: error },
    );
  }
}

/**
 * What start-up asks the database (after migrating it) before any work runs, so a misconfigured
 * one fails with the fix instead of as odd errors under load: Hookline's tables are there, and
 * the dialect's own requirements (isolation level, server version, table settings) hold.
 */
export async function checkDatabase(dataSource: DataSource, sql: SqlRunner): Promise<void> {
  const missing = await missingTables(dataSource);
  if (missing.length > 0) {
    throw new DatabaseCheckError(
      'HOOKLINE_TABLES_MISSING',
      `Hookline's table${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing. Create them with Hookline's migrations: run \`npx hookline-migrate up\` (DATABASE_URL set), or set \`migrations: 'auto'\` to apply them at start-up, or add HOOKLINE_MIGRATIONS to your DataSource's \`migrations\` and run them; or with TypeORM's synchronize outside production.`,
    );
  }
  await sql.dialect.checkServer?.(sql, hooklineTables(dataSource).map((table) => table.tableName));
}

/** Hookline's entities the DataSource registered, each with its table. */
export function hooklineTables(dataSource: DataSource): EntityMetadata[] {
  // By entity name: on MySQL the DataSource holds the LONGTEXT class of the message entity.
  return HOOKLINE_ENTITIES.filter((entity) => dataSource.hasMetadata(entity.name)).map((entity) => dataSource.getMetadata(entity.name));
}

/** Names of Hookline's tables the database does not have. */
export async function missingTables(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const missing: string[] = [];
    for (const table of hooklineTables(dataSource)) if (!(await runner.hasTable(table.tablePath))) missing.push(table.tableName);
    return missing;
  } finally {
    await runner.release();
  }
}
