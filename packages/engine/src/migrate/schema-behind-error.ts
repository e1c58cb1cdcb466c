import { HooklineError } from '@hookline/core';

/** `migrations: 'check'` (or a host-owned migration list) found Hookline's schema behind the shipped migrations. */
export class SchemaBehindError extends HooklineError {
  readonly code = 'HOOKLINE_SCHEMA_BEHIND';

  constructor(readonly pending: string[]) {
    super(
      `Hookline's tables are behind: ${pending.length} migration(s) pending (${pending.join(', ')}). Migrate in one of three ways: ` +
        'run `npx hookline-migrate up` (DATABASE_URL set) before starting; or set `migrations: \'auto\'` to apply them at start-up; ' +
        'or add HOOKLINE_MIGRATIONS to your own DataSource\'s `migrations` and run `typeorm migration:run` ' +
        '(or paste `npx hookline-migrate sql` into your migration tool).',
      { pointer: '/migrations' },
    );
  }
}
