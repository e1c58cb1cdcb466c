import { DatabaseCheckError } from '../../database-check-error';
import type { SqlRunner } from '../../sql-runner';

/**
 * Claims and outcome writes are single statements that lock rows other workers may have just
 * changed. At READ COMMITTED PostgreSQL re-reads such a row; at REPEATABLE READ or SERIALIZABLE
 * it fails the statement ("could not serialize access due to concurrent update"), so under load
 * most claims would fail and deliveries would wait for the sweeper.
 */
export async function checkPostgresServer(sql: SqlRunner): Promise<void> {
  const [row] = await sql.rows<{ level: string }>(`SELECT current_setting('default_transaction_isolation') AS level`);
  if (row.level === 'read committed') return;
  throw new DatabaseCheckError(
    'HOOKLINE_UNSUPPORTED_ISOLATION',
    `Hookline's connection defaults to ${row.level.toUpperCase()} isolation, under which concurrent claims fail with serialization errors. Give it READ COMMITTED (PostgreSQL's default): remove default_transaction_isolation from the role, database or connection options, or set it for Hookline's connections with \`extra: { options: '-c default_transaction_isolation=read\\\\ committed' }\`.`,
  );
}
