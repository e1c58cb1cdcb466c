/** InnoDB's answer when it rolled a transaction back to break a deadlock. */
export const ER_LOCK_DEADLOCK = 1213;
/** A row repeating a unique key. */
export const ER_DUP_ENTRY = 1062;

/** Whether mysql2's error (bare, or wrapped by TypeORM as driverError) carries this server error number. */
export function isMysqlError(error: unknown, errno: number): boolean {
  const failed = error as { errno?: number; driverError?: { errno?: number } } | undefined;
  return failed?.errno === errno || failed?.driverError?.errno === errno;
}
