import type { DataSource, EntityManager, QueryResult, QueryRunner } from 'typeorm';

export type Dialect = 'postgres' | 'sqlite';

// better-sqlite3 gives every TypeORM QueryRunner the same single connection, so two transactions
// started at once nest by accident ("cannot start a transaction within a transaction"). Hookline's
// own transactions on one SQLite DataSource therefore take turns; this is the queue they wait in.
const sqliteTransactionTails = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs hand-written SQL on the hot paths (claim, record, sweep) with `:named` parameters on
 * either dialect. TypeORM's query builder cannot express UPDATE … RETURNING on SQLite, and
 * the entity layer costs more than these statements are worth.
 */
export class SqlRunner {
  readonly dialect: Dialect;

  constructor(private readonly dataSource: DataSource) {
    const type = dataSource.options.type;
    if (type === 'postgres') this.dialect = 'postgres';
    else if (type === 'better-sqlite3') this.dialect = 'sqlite';
    else throw new Error(`Hookline supports PostgreSQL and SQLite (better-sqlite3) DataSources, not "${type}".`);
  }

  /** Rows returned by the statement (SELECT, or UPDATE/INSERT … RETURNING). */
  async rows<T>(sql: string, params: Record<string, unknown> = {}, manager?: EntityManager): Promise<T[]> {
    return ((await this.run(sql, params, manager)).records ?? []) as T[];
  }

  /** Number of rows the statement changed. */
  async execute(sql: string, params: Record<string, unknown> = {}, manager?: EntityManager): Promise<number> {
    return (await this.run(sql, params, manager)).affected ?? 0;
  }

  /**
   * The placeholder of the `index`-th (1-based) positional parameter: `$3` on PostgreSQL, `?` on
   * SQLite. Placeholders must appear in the statement in index order.
   */
  placeholder(index: number): string {
    return this.dialect === 'postgres' ? `$${index}` : '?';
  }

  /**
   * Runs a statement whose parameters are already positional (see {@link placeholder}), skipping
   * TypeORM's named-parameter rewriting, which costs more than the query on multi-row statements.
   */
  async positional<T>(sql: string, values: unknown[], manager?: EntityManager): Promise<{ rows: T[]; affected: number }> {
    const result = await this.onRunner(manager, (runner) => runner.query(sql, values.map(toDriverValue), true));
    return { rows: (result.records ?? []) as T[], affected: result.affected ?? 0 };
  }

  /**
   * Runs `work` in a transaction. On SQLite, Hookline's transactions on one DataSource take turns
   * (its single connection cannot hold two); on PostgreSQL each gets its own pooled connection.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>, on: EntityManager = this.dataSource.manager): Promise<T> {
    if (this.dialect !== 'sqlite') return on.transaction(work);
    const tail = sqliteTransactionTails.get(this.dataSource) ?? Promise.resolve();
    const result = tail.then(() => on.transaction(work));
    sqliteTransactionTails.set(
      this.dataSource,
      result.catch(() => undefined),
    );
    return result;
  }

  private async run(sql: string, params: Record<string, unknown>, manager?: EntityManager): Promise<QueryResult> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.onRunner(manager, (runner) => runner.query(query, values, true));
  }

  private async onRunner(manager: EntityManager | undefined, use: (runner: QueryRunner) => Promise<QueryResult>): Promise<QueryResult> {
    const owned = manager?.queryRunner ? undefined : this.dataSource.createQueryRunner();
    const runner: QueryRunner = manager?.queryRunner ?? owned!;
    try {
      return await use(runner);
    } finally {
      await owned?.release();
    }
  }
}

// What escapeQueryWithParameters would have done to a positional value: booleans become 0/1 on
// SQLite (pg takes them as they are), and undefined becomes NULL.
function toDriverValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** bigint columns come back as strings from pg and numbers from SQLite. */
export function toDate(value: string | number | null | undefined): Date | null {
  return value == null ? null : new Date(Number(value));
}
