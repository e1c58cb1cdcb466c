import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, QueryResult, QueryRunner } from 'typeorm';
import { dialectOf } from './dialects/dialect-of';
import type { ReturningUpdate, SqlDialect } from './dialects/sql-dialect';
import type { TableNames } from '../options/table-placement';
import { tableNamesOf } from './placement/tables-of';

/**
 * Runs hand-written SQL on the hot paths (claim, record, sweep) with `:named` parameters on
 * every dialect. TypeORM's query builder cannot express UPDATE … RETURNING on SQLite, and
 * the entity layer costs more than these statements are worth.
 */
export class SqlRunner {
  readonly dialect: SqlDialect;
  private readonly statementNames = new Map<string, string>();
  private placedTables?: TableNames;

  /**
   * `preparedStatements` (PostgreSQL): run the hot statements as named prepared statements; off
   * behind a pooler that cannot keep them per client (PgBouncer in transaction mode before 1.21).
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly preparedStatements = true,
  ) {
    this.dialect = dialectOf(dataSource);
  }

  /**
   * Hookline's table names as the statements write them, where the DataSource's entities put the
   * tables (`hookline.webhook_delivery` with a schema, `hl_webhook_delivery` with a prefix).
   */
  get tables(): TableNames {
    if (this.placedTables) return this.placedTables;
    const tables = tableNamesOf(this.dataSource);
    // Before initialize() the DataSource has no metadata yet: ask again later.
    if (this.dataSource.isInitialized) this.placedTables = tables;
    return tables;
  }

  /** Rows returned by the statement (SELECT, or UPDATE/INSERT … RETURNING). */
  async rows<T>(sql: string, params: Record<string, unknown> = {}, manager?: EntityManager): Promise<T[]> {
    return ((await this.run(sql, params, manager)).records ?? []) as T[];
  }

  /**
   * Runs the UPDATE and returns the `returning` columns of the rows it changed: RETURNING where the
   * database has it, the dialect's equivalent where not.
   */
  updateReturning<T>(update: ReturningUpdate, params: Record<string, unknown>, manager?: EntityManager): Promise<T[]> {
    return this.dialect.updateReturning<T>(this, update, params, manager);
  }

  /** Number of rows the statement changed. */
  async execute(sql: string, params: Record<string, unknown> = {}, manager?: EntityManager): Promise<number> {
    return (await this.run(sql, params, manager)).affected ?? 0;
  }

  /**
   * The placeholder of the `index`-th (1-based) positional parameter: `$3` on PostgreSQL, `?` on
   * SQLite and MySQL. Placeholders must appear in the statement in index order.
   */
  placeholder(index: number): string {
    return this.dialect.placeholder(index);
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
   * {@link positional} as a named prepared statement on PostgreSQL: each pooled connection parses
   * and plans it once, then only binds and runs it. Measured on single publishes (one row per
   * statement), parse and plan were over half of PostgreSQL's time per statement. For hot
   * statements whose text does not vary with their row count (see unnestColumns).
   */
  async prepared<T>(sql: string, values: unknown[], manager?: EntityManager): Promise<{ rows: T[]; affected: number }> {
    const prepare = this.preparedStatements ? this.dialect.prepared : undefined;
    if (!prepare) return this.positional<T>(sql, values, manager);
    const name = this.statementName(sql);
    const result = await this.onRunner(manager, (runner) => prepare(runner, name, sql, values.map(toDriverValue)));
    return { rows: result.rows as T[], affected: result.affected };
  }

  /**
   * Runs `work` in a transaction. On SQLite, Hookline's transactions on one DataSource take turns
   * (its single connection cannot hold two); on PostgreSQL and MySQL each gets its own pooled connection.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>, on: EntityManager = this.dataSource.manager): Promise<T> {
    return this.dialect.transaction(this.dataSource, on, work);
  }

  private statementName(sql: string): string {
    let name = this.statementNames.get(sql);
    if (!name) {
      // One name per text: pg refuses to reuse a name for another text on a connection.
      name = `hookline_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
      this.statementNames.set(sql, name);
    }
    return name;
  }

  private async run(sql: string, params: Record<string, unknown>, manager?: EntityManager): Promise<QueryResult> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.onRunner(manager, (runner) => runner.query(query, values, true));
  }

  private async onRunner<R>(manager: EntityManager | undefined, use: (runner: QueryRunner) => Promise<R>): Promise<R> {
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

/** bigint columns come back as strings from pg and mysql2, and as numbers from SQLite. */
export function toDate(value: string | number | null | undefined): Date | null {
  return value == null ? null : new Date(Number(value));
}
