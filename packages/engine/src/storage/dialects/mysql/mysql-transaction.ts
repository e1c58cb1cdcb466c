import type { EntityManager } from 'typeorm';
import { ER_LOCK_DEADLOCK, isMysqlError } from './mysql-errors';

const ATTEMPTS = 3;

/**
 * A transaction at READ COMMITTED: under InnoDB's default REPEATABLE READ, a locking read or
 * UPDATE keeps locks on every row it scanned, matching or not, and gap locks besides, so Hookline's
 * claims and writes would block one another on rows none of them changes. Each statement also sees
 * what committed before it, as on PostgreSQL. A transaction InnoDB chose as a deadlock victim was
 * rolled back whole and runs again; inside the caller's transaction the caller decides.
 */
export async function mysqlTransaction<T>(on: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (on.queryRunner?.isTransactionActive) return on.transaction(work);
  for (let attempt = 1; ; attempt++) {
    try {
      return await on.transaction('READ COMMITTED', work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isMysqlError(error, ER_LOCK_DEADLOCK)) throw error;
    }
  }
}
