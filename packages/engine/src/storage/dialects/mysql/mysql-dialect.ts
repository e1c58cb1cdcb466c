import type { SqlDialect } from '../sql-dialect';
import { checkMysqlServer } from './mysql-checks';
import { checkMysqlEntities } from './mysql-entities';
import { mysqlTransaction } from './mysql-transaction';
import { mysqlWrites } from './mysql-writes';

/** MySQL 8 and MariaDB 10.6+ (JSON_TABLE, SKIP LOCKED), through mysql2. */
export const mysqlDialect: SqlDialect = {
  name: 'mysql',
  placeholder: () => '?',
  textListParameter: (values) => JSON.stringify(values),
  textListRows: (placeholder) => `JSON_TABLE(${placeholder}, '$[*]' COLUMNS (value VARCHAR(255) PATH '$')) AS t`,
  integer: (expression) => `CAST(${expression} AS SIGNED)`,
  // `/` makes a DECIMAL, and CAST(… AS SIGNED) would round it: DIV truncates, as the others do.
  quotient: (dividend, divisor) => `(${dividend}) DIV ${divisor}`,
  writesInOneStatement: false,
  outcomeWrites: { maxConcurrent: 2, lingerMs: 0 },
  // Below max_allowed_packet's 16 MB default on MariaDB (MySQL's is 64 MB): a statement over it is refused whole.
  statementBytes: 8 * 1024 * 1024,
  check: checkMysqlEntities,
  checkServer: checkMysqlServer,
  transaction: (_dataSource, on, work) => mysqlTransaction(on, work),
  ...mysqlWrites,
};
