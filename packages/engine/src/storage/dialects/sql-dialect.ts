import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { SqlRunner } from '../sql-runner';
import type { LeasedWrite } from '../leased-write';

export type DialectName = 'postgres' | 'sqlite' | 'mysql';

/** An UPDATE whose changed rows are read back: `UPDATE table SET set WHERE where RETURNING returning`. */
export interface ReturningUpdate {
  table: string;
  set: string;
  where: string;
  /** Columns of the changed rows, as the update left them. */
  returning: string[];
  /** Rows another transaction is changing are left out instead of waited for: claims, which another worker is taking. */
  skipLocked?: boolean;
}

/**
 * What differs between the databases Hookline's hand-written SQL runs on, in one place per
 * database (dialects/<name>/): the statements ask the dialect, never test its name.
 */
export interface SqlDialect {
  readonly name: DialectName;
  /** The placeholder of the `index`-th (1-based) positional parameter. */
  placeholder(index: number): string;
  /** A list of strings bound as one parameter, so a statement's text is the same for any number of them… */
  textListParameter(values: string[]): unknown;
  /** …and the FROM item that reads that parameter as rows of one column, `value`. */
  textListRows(placeholder: string): string;
  /** A parameter as an integer where the database cannot infer its type (a CASE result). */
  integer(expression: string): string;
  /** The integer quotient of two non-negative integer expressions. */
  quotient(dividend: string, divisor: string): string;
  /**
   * Whether one statement can do what otherwise takes a transaction of several: write a publish
   * batch, claim and load work, write a batch of outcomes (UPDATE … FROM VALUES … RETURNING,
   * CTEs that write).
   */
  readonly writesInOneStatement: boolean;
  /** How many outcome writes may run at once, and how long the flusher gathers a batch (ms). */
  readonly outcomeWrites: { maxConcurrent: number; lingerMs: number };
  /** Bytes of values one statement may carry (MySQL's max_allowed_packet); undefined where only the parameter count limits it. */
  readonly statementBytes?: number;
  /** Fails at start-up, saying what to change, when the DataSource's schema cannot hold what Hookline writes. */
  check?(dataSource: DataSource): void;
  /** Fails at start-up, saying what to change, when the server or Hookline's `tables` on it cannot run Hookline's statements as written. */
  checkServer?(sql: SqlRunner, tables: string[]): Promise<void>;
  /** Runs `work` in a transaction on `on`. */
  transaction<T>(dataSource: DataSource, on: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /**
   * Runs a positional statement as a named prepared statement, parsed and planned once per
   * connection; undefined where the driver has none (the statement then runs as it is).
   */
  readonly prepared?: (runner: QueryRunner, name: string, sql: string, values: unknown[]) => Promise<{ rows: unknown[]; affected: number }>;
  /** Runs the update and returns the `returning` columns of the rows it changed, which no other writer changed in between. */
  updateReturning<T>(sql: SqlRunner, update: ReturningUpdate, params: Record<string, unknown>, manager?: EntityManager): Promise<T[]>;
  /** Inserts the rows (their first column the id) but those that repeat a unique key; returns the ids inserted. */
  insertNew(sql: SqlRunner, table: string, columns: string[], rows: unknown[][], manager: EntityManager): Promise<string[]>;
  /** Inserts one row unless a row with its primary key exists (or is being inserted: then waits for that one's transaction); true when it inserted. */
  insertOnce(sql: SqlRunner, table: string, columns: string[], values: unknown[], manager: EntityManager): Promise<boolean>;
  /** Writes deliveries' next states where the claim each names still holds; returns the ids written. */
  updateLeased(sql: SqlRunner, write: LeasedWrite, now: Date, manager: EntityManager): Promise<string[]>;
  /** Deletes up to `limit` rows matching `where`; returns how many. `key`: the table's primary key columns, `['id']` by default. */
  deleteSome(sql: SqlRunner, table: string, where: string, params: Record<string, unknown>, limit: number, key?: string[]): Promise<number>;
}
