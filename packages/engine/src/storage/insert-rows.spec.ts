import type { SqlRunner } from './sql-runner';
import { mysqlDialect } from './dialects/mysql/mysql-dialect';
import { postgresDialect } from './dialects/postgres/postgres-dialect';
import { MAX_PARAMETERS, statementChunks } from './insert-rows';

const on = (dialect: SqlRunner['dialect']) => ({ dialect }) as SqlRunner;

describe('statementChunks', () => {
  it('splits rows only at the parameter limit where statements have no size limit', () => {
    const rows = Array.from({ length: MAX_PARAMETERS / 2 + 1 }, () => ['x'.repeat(100_000), 1]);
    expect(statementChunks(on(postgresDialect), 2, rows).map((chunk) => chunk.length)).toEqual([MAX_PARAMETERS / 2, 1]);
  });

  it('keeps what one statement carries under the dialect limit, counting escaping and multi-byte characters', () => {
    // 1 MiB of 4-byte characters, counted twice for escaping: 2 MiB a row, so 4 rows in 8 MiB.
    const row = ['😀'.repeat(256 * 1024)];
    const chunks = statementChunks(on(mysqlDialect), 1, Array.from({ length: 9 }, () => row));
    expect(chunks.map((chunk) => chunk.length)).toEqual([4, 4, 1]);
  });

  it('gives a row larger than the limit a statement of its own rather than dropping it', () => {
    const huge = ['a'.repeat(mysqlDialect.statementBytes!)];
    expect(statementChunks(on(mysqlDialect), 1, [['b'], huge, ['c']]).map((chunk) => chunk.length)).toEqual([1, 1, 1]);
  });
});
