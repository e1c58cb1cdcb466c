import type { HooklineMigrator } from './hookline-migrator';

export const MIGRATE_USAGE = `Usage (DATABASE_URL=postgres://…, mysql://…, mariadb://… or a SQLite file path; DATABASE_SCHEMA optional):
  hookline-migrate status   applied and pending migrations; exits 1 while any is pending
  hookline-migrate up       applies the pending ones in one transaction, under a lock
  hookline-migrate sql      prints the statements \`up\` would run, for your own migration tool
  hookline-migrate sql --drizzle   the same, split by drizzle-kit's \`--> statement-breakpoint\``;

/** drizzle's migrator runs a custom migration's SQL piece by piece between these (an SQL comment to any other tool). */
const DRIZZLE_BREAKPOINT = '--> statement-breakpoint';

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
  const drizzle = command === 'sql' && rest[0] === '--drizzle';
  const unexpected = drizzle ? rest.slice(1) : rest;
  if (unexpected.length > 0) throw new MigrateUsageError(`Unexpected arguments: ${unexpected.join(' ')}.`);
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
      if (statements.length === 0) return { output: '-- Nothing pending: the schema is current.', exitCode: 0 };
      return { output: statements.map((s) => `${s};`).join(drizzle ? `\n${DRIZZLE_BREAKPOINT}\n` : '\n'), exitCode: 0 };
    }
    default:
      throw new MigrateUsageError(command ? `Unknown command "${command}".` : 'Name a command.');
  }
}
