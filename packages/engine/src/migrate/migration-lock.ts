import type { QueryRunner } from 'typeorm';
import type { MigrationDatabase } from '../storage/migrations/migration-statements';

/** Any constant works: it only has to be the same in every Hookline process (it spells "hook"). */
const POSTGRES_LOCK_KEY = 0x686f6f6b;
const MYSQL_LOCK_NAME = 'hookline_migrate';
/** How long a MySQL instance waits for another's migration before giving up, in seconds. */
const MYSQL_LOCK_WAIT_S = 120;

/**
 * Runs `work` in one transaction that only one process at a time can be in, so of several instances starting
 * together one migrates and the others then find nothing pending. PostgreSQL: a transaction-level advisory
 * lock, released by COMMIT or ROLLBACK. MySQL/MariaDB: a named lock around the transaction (their DDL commits
 * implicitly, so there the "one transaction" is a best effort and the lock does the serializing). SQLite:
 * BEGIN IMMEDIATE takes the database's write lock at once, waiting out another writer's.
 */
export async function inMigrationLock<T>(queryRunner: QueryRunner, database: MigrationDatabase, work: () => Promise<T>): Promise<T> {
  if (database === 'mysql') {
    const [{ locked }] = await queryRunner.query(`SELECT GET_LOCK('${MYSQL_LOCK_NAME}', ${MYSQL_LOCK_WAIT_S}) AS locked`);
    if (Number(locked) !== 1) throw new Error(`Another process held the '${MYSQL_LOCK_NAME}' lock for ${MYSQL_LOCK_WAIT_S} s: is a migration stuck?`);
    try {
      return await inTransaction(queryRunner, 'START TRANSACTION', work);
    } finally {
      await queryRunner.query(`SELECT RELEASE_LOCK('${MYSQL_LOCK_NAME}')`);
    }
  }
  if (database === 'sqlite') return inTransaction(queryRunner, 'BEGIN IMMEDIATE', work);
  return inTransaction(queryRunner, 'BEGIN', async () => {
    await queryRunner.query(`SELECT pg_advisory_xact_lock(${POSTGRES_LOCK_KEY})`);
    return work();
  });
}

async function inTransaction<T>(queryRunner: QueryRunner, begin: string, work: () => Promise<T>): Promise<T> {
  await queryRunner.query(begin);
  try {
    const result = await work();
    await queryRunner.query('COMMIT');
    return result;
  } catch (error) {
    await queryRunner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
