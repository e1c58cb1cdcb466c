import type { DataSource } from 'typeorm';
import { standardSql } from '../standard-sql';
import type { SqlDialect } from '../sql-dialect';

// better-sqlite3 gives every TypeORM QueryRunner the same single connection, so two transactions
// started at once nest by accident ("cannot start a transaction within a transaction"). Hookline's
// own transactions on one SQLite DataSource therefore take turns; this is the queue they wait in.
const transactionTails = new WeakMap<DataSource, Promise<unknown>>();

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  placeholder: () => '?',
  textListParameter: (values) => JSON.stringify(values),
  textListRows: (placeholder) => `json_each(${placeholder})`,
  writesInOneStatement: false,
  // One writer at a time, and commits block the event loop: outcomes linger a moment to share a transaction.
  outcomeWrites: { maxConcurrent: 1, lingerMs: 5 },
  transaction(dataSource, on, work) {
    const tail = transactionTails.get(dataSource) ?? Promise.resolve();
    const result = tail.then(() => on.transaction(work));
    transactionTails.set(
      dataSource,
      result.catch(() => undefined),
    );
    return result;
  },
  ...standardSql,
};
