import type { DataSource, EntityManager, QueryResult, QueryRunner } from 'typeorm';

export type Dialect = 'postgres' | 'sqlite';

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

  private async run(sql: string, params: Record<string, unknown>, manager?: EntityManager): Promise<QueryResult> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    const owned = manager?.queryRunner ? undefined : this.dataSource.createQueryRunner();
    const runner: QueryRunner = manager?.queryRunner ?? owned!;
    try {
      return await runner.query(query, values, true);
    } finally {
      await owned?.release();
    }
  }
}

/** bigint columns come back as strings from pg and numbers from SQLite. */
export function toDate(value: string | number | null | undefined): Date | null {
  return value == null ? null : new Date(Number(value));
}
