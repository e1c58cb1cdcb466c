import type { DataSource } from 'typeorm';
import type { HooklineLogger } from '../options/hookline-logger';
import type { MigrationsMode } from '../options/migrations-mode';
import { hooklineTables, missingTables } from '../storage/check-database';
import { HOOKLINE_MIGRATIONS } from '../storage/migrations';
import { HooklineMigrator } from './hookline-migrator';
import { SchemaBehindError } from './schema-behind-error';

/**
 * The `migrations` option at start-up. `auto` applies what is pending (under the migration lock, so
 * instances starting together are safe); `check` refuses to start while anything is pending; `off` does nothing.
 * Hookline stays out of a schema someone else manages: with `synchronize: true`, or with Hookline's tables
 * present and no migration recorded (another process synchronized them), it only checks the tables exist;
 * and when the host lists HOOKLINE_MIGRATIONS among its own migrations, its `migration:run` owns them, so
 * `auto` checks rather than applies them into a second journal.
 */
export async function runStartupMigrations(dataSource: DataSource, mode: MigrationsMode, logger: HooklineLogger): Promise<void> {
  if (mode === 'off') return;
  const migrator = new HooklineMigrator(dataSource);
  const { applied, pending } = await migrator.status();
  if (pending.length === 0) return;
  if (dataSource.options.synchronize || applied.length === 0) {
    const missing = await missingTables(dataSource);
    // Synchronized, here or by another process (tables but no journal): only check they are all there.
    if (dataSource.options.synchronize || missing.length < hooklineTables(dataSource).length) {
      if (missing.length > 0) throw new SchemaBehindError(pending);
      return;
    }
  }
  if (mode === 'check' || hostOwnsHooklineMigrations(dataSource)) throw new SchemaBehindError(pending);
  const done = await migrator.up();
  if (done.length > 0) logger.log(`Applied Hookline's migrations: ${done.join(', ')}.`);
}

function hostOwnsHooklineMigrations(dataSource: DataSource): boolean {
  const names = new Set(HOOKLINE_MIGRATIONS.map((migration) => migration.name));
  return dataSource.migrations.some((migration) => names.has(migration.constructor.name));
}
