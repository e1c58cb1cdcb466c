/** What Hookline does about its tables at start-up: apply its migrations, refuse to start while behind, or nothing. */
export type MigrationsMode = 'auto' | 'check' | 'off';

export const MIGRATIONS_MODES: readonly MigrationsMode[] = ['auto', 'check', 'off'];
