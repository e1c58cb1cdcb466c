import { HooklineError } from '@hookline/core';

export type DatabaseCheckCode =
  /** The database did not answer a first query. */
  | 'HOOKLINE_DATABASE_UNREACHABLE'
  /** Hookline's tables are not there: the schema was never created or migrated. */
  | 'HOOKLINE_TABLES_MISSING'
  /** The connection's default isolation level breaks the claims. */
  | 'HOOKLINE_UNSUPPORTED_ISOLATION'
  /** The server or its tables lack what Hookline's statements need (version, storage engine, collation, binary log format). */
  | 'HOOKLINE_UNSUPPORTED_DATABASE';

/** The database cannot run Hookline as it is; thrown at start-up with what to change. */
export class DatabaseCheckError extends HooklineError {
  constructor(
    readonly code: DatabaseCheckCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
