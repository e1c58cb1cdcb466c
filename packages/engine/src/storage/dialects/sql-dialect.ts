import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

export type DialectName = 'postgres' | 'sqlite';

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
  /**
   * Whether one statement can do what otherwise takes a transaction of several: write a publish
   * batch, claim and load work, write a batch of outcomes (UPDATE … FROM VALUES … RETURNING,
   * CTEs that write).
   */
  readonly writesInOneStatement: boolean;
  /** How many outcome writes may run at once, and how long the flusher gathers a batch (ms). */
  readonly outcomeWrites: { maxConcurrent: number; lingerMs: number };
  /** Runs `work` in a transaction on `on`. */
  transaction<T>(dataSource: DataSource, on: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /**
   * Runs a positional statement as a named prepared statement, parsed and planned once per
   * connection; undefined where the driver has none (the statement then runs as it is).
   */
  readonly prepared?: (runner: QueryRunner, name: string, sql: string, values: unknown[]) => Promise<{ rows: unknown[]; affected: number }>;
}
