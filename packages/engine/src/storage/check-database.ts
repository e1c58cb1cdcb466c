import type { DataSource, EntityMetadata } from 'typeorm';
import { DatabaseCheckError } from './database-check-error';
import { HOOKLINE_ENTITIES } from './entities';
import type { SqlRunner } from './sql-runner';

/**
 * What start-up asks the database before any work runs, so a misconfigured one fails with the
 * fix instead of as odd errors under load: it answers, Hookline's tables are there, and the
 * dialect's own requirements (isolation level, server version, table settings) hold.
 */
export async function checkDatabase(dataSource: DataSource, sql: SqlRunner): Promise<void> {
  try {
    await sql.rows('SELECT 1 AS one');
  } catch (error) {
    throw new DatabaseCheckError(
      'HOOKLINE_DATABASE_UNREACHABLE',
      `Hookline could not reach its database (${dataSource.options.type}): ${(error as Error).message}. Check the DataSource's host, port and credentials, and that the server is running and accepts connections from this process.`,
      { cause: error },
    );
  }
  const missing = await missingTables(dataSource);
  if (missing.length > 0) {
    throw new DatabaseCheckError(
      'HOOKLINE_TABLES_MISSING',
      `Hookline's table${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing. Create them with Hookline's migrations (HOOKLINE_MIGRATIONS in the DataSource's migrations, then run them), or with TypeORM's synchronize outside production.`,
    );
  }
  await sql.dialect.checkServer?.(sql, hooklineTables(dataSource).map((table) => table.tableName));
}

function hooklineTables(dataSource: DataSource): EntityMetadata[] {
  // By entity name: on MySQL the DataSource holds the LONGTEXT class of the message entity.
  return HOOKLINE_ENTITIES.filter((entity) => dataSource.hasMetadata(entity.name)).map((entity) => dataSource.getMetadata(entity.name));
}

async function missingTables(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const missing: string[] = [];
    for (const table of hooklineTables(dataSource)) if (!(await runner.hasTable(table.tablePath))) missing.push(table.tableName);
    return missing;
  } finally {
    await runner.release();
  }
}
