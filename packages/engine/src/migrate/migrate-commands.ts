import type { HooklineMigrator } from './hookline-migrator';

export const MIGRATE_USAGE = `Usage (DATABASE_URL=postgres://…, mysql://…, mariadb://… or a SQLite file path; DATABASE_SCHEMA optional):
  hookline-migrate status   applied and pending migrations; exits 1 while any is pending
  hookline-migrate up       applies the pending ones in one transaction, under a lock
  hookline-migrate sql      prints the statements \`up\` would run, for your own migration tool`;

/** A usage mistake: the CLI prints the usage and exits 2. */
export class MigrateUsageError extends Error {}

/** What a command prints and the exit code it ends with. */
export interface MigrateOutcome {
  output: string;
  exitCode: number;
}

/** Runs one `hookline-migrate` command. */
export async function runMigrateCommand(argv: string[], migrator: HooklineMigrator): Promise<MigrateOutcome> {
  const [command, ...rest] = argv;
  if (rest.length > 0) throw new MigrateUsageError(`Unexpected arguments: ${rest.join(' ')}.`);
  switch (command) {
    case 'status': {
      const { applied, pending } = await migrator.status();
      const lines = [...applied.map((name) => `applied  ${name}`), ...pending.map((name) => `pending  ${name}`)];
      lines.push(pending.length > 0 ? `${pending.length} pending: run \`hookline-migrate up\`.` : 'The schema is current.');
      return { output: lines.join('\n'), exitCode: pending.length > 0 ? 1 : 0 };
    }
    case 'up': {
      const applied = await migrator.up();
      const lines = applied.map((name) => `applied  ${name}`);
      return { output: [...lines, applied.length > 0 ? 'The schema is current.' : 'Nothing to apply: the schema is current.'].join('\n'), exitCode: 0 };
    }
    case 'sql': {
      const statements = await migrator.sql();
      return { output: statements.length > 0 ? statements.map((s) => `${s};`).join('\n') : '-- Nothing pending: the schema is current.', exitCode: 0 };
    }
    default:
      throw new MigrateUsageError(command ? `Unknown command "${command}".` : 'Name a command.');
  }
}
