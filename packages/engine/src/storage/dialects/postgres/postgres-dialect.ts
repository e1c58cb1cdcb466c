import type { QueryRunner } from 'typeorm';
import { standardSql } from '../standard-sql';
import { checkPostgresServer } from './postgres-checks';
import type { SqlDialect } from '../sql-dialect';

/** The part of node-postgres' client a named statement needs. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows?: unknown[]; rowCount?: number | null }>;
}

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  placeholder: (index) => `$${index}`,
  textListParameter: (values) => values,
  textListRows: (placeholder) => `unnest(CAST(${placeholder} AS varchar[])) AS t(value)`,
  writesInOneStatement: true,
  checkServer: checkPostgresServer,
  outcomeWrites: { maxConcurrent: 2, lingerMs: 0 },
  // Each transaction gets its own pooled connection.
  transaction: (_dataSource, on, work) => on.transaction(work),
  async prepared(runner: QueryRunner, name, sql, values) {
    // TypeORM's runner hands out its pg client; only pg's own API names a statement.
    const client = (await runner.connect()) as PgClient;
    const result = await client.query({ name, text: sql, values });
    return { rows: result.rows ?? [], affected: result.rowCount ?? 0 };
  },
  ...standardSql,
};
