import { DatabaseCheckError } from '../../database-check-error';
import type { SqlRunner } from '../../sql-runner';

export interface ServerSettings {
  version: string;
  logBin: number | string;
  binlogFormat: string | null;
}

interface ColumnSetting {
  tableName: string;
  columnName: string;
  collation: string;
  charset: string;
}

/**
 * What the MySQL statements rely on, checked once against the server and Hookline's tables:
 * SKIP LOCKED and JSON_TABLE (MySQL 8.0.4, MariaDB 10.6), InnoDB's row locks and transactions,
 * READ COMMITTED transactions (which a statement-format binary log refuses), and case-sensitive
 * utf8mb4 text, without which tenant "Acme" would read tenant "acme"'s rows and a payload with
 * an emoji would be refused.
 */
export async function checkMysqlServer(sql: SqlRunner, tables: string[]): Promise<void> {
  const [server] = await sql.rows<ServerSettings>('SELECT VERSION() AS version, @@log_bin AS logBin, @@binlog_format AS binlogFormat');
  const problems = [versionProblem(server.version), binlogProblem(server), ...(await tableProblems(sql, tables))].filter((p): p is string => p !== undefined);
  if (problems.length === 0) return;
  throw new DatabaseCheckError('HOOKLINE_UNSUPPORTED_DATABASE', `Hookline cannot run on this MySQL/MariaDB database as it is: ${problems.join(' ')}`);
}

export function versionProblem(version: string): string | undefined {
  const [major, minor, patch] = version.split(/[.-]/).map(Number);
  const mariadb = /mariadb/i.test(version);
  const atLeast = (m: number, n: number, p: number) => major > m || (major === m && (minor > n || (minor === n && patch >= p)));
  if (mariadb ? atLeast(10, 6, 0) : atLeast(8, 0, 4)) return undefined;
  return `The server is ${version}; Hookline needs MySQL 8.0.4+ or MariaDB 10.6+ (SKIP LOCKED and JSON_TABLE).`;
}

export function binlogProblem(server: ServerSettings): string | undefined {
  if (Number(server.logBin) !== 1 || server.binlogFormat?.toUpperCase() !== 'STATEMENT') return undefined;
  return 'The binary log is in STATEMENT format, which refuses the READ COMMITTED transactions Hookline claims work in: set binlog_format to ROW (MySQL\'s default) or MIXED.';
}

async function tableProblems(sql: SqlRunner, tables: string[]): Promise<string[]> {
  if (tables.length === 0) return [];
  const engines = await sql.rows<{ tableName: string; engine: string }>(
    `SELECT TABLE_NAME AS tableName, ENGINE AS engine FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (:...tables)`,
    { tables },
  );
  const notInnodb = engines.filter((t) => t.engine?.toLowerCase() !== 'innodb').map((t) => `${t.tableName} (${t.engine})`);
  const columns = await sql.rows<ColumnSetting>(
    `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName, COLLATION_NAME AS collation, CHARACTER_SET_NAME AS charset
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (:...tables) AND COLLATION_NAME IS NOT NULL`,
    { tables },
  );
  const caseBlind = columns.filter((c) => !caseSensitive(c.collation) || c.charset !== 'utf8mb4');
  const problems: string[] = [];
  if (notInnodb.length > 0) problems.push(`Tables ${notInnodb.join(', ')} are not InnoDB, which the claims' row locks and transactions need: ALTER TABLE … ENGINE=InnoDB.`);
  if (caseBlind.length > 0) {
    const listed = caseBlind.slice(0, 3).map((c) => `${c.tableName}.${c.columnName} (${c.collation})`).join(', ');
    problems.push(
      `Text columns ${listed}${caseBlind.length > 3 ? ` and ${caseBlind.length - 3} more` : ''} are not case-sensitive utf8mb4, so tenants and keys differing only in case would match: create the database with CHARACTER SET utf8mb4 COLLATE utf8mb4_bin before Hookline's tables (or ALTER TABLE … CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin).`,
    );
  }
  return problems;
}

/** Binary collations compare bytes; MySQL 8's `_as_cs` ones are accent- and case-sensitive. */
function caseSensitive(collation: string): boolean {
  return /_bin$|_cs$/i.test(collation);
}
