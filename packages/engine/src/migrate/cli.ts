#!/usr/bin/env node
import 'reflect-metadata';
import { cliDataSource } from '../api-keys/cli-data-source';
import { HOOKLINE_ENTITIES } from '../storage/entities';
import { HooklineMigrator } from './hookline-migrator';
import { MIGRATE_USAGE, MigrateUsageError, runMigrateCommand } from './migrate-commands';

/** `hookline-migrate`: status, up and sql for Hookline's tables in the host's database. */
async function main(): Promise<number> {
  let dataSource;
  try {
    // The entities only say where the tables go (DATABASE_SCHEMA, DATABASE_TABLE_PREFIX): the CLI never synchronizes.
    dataSource = cliDataSource(process.env, { entities: HOOKLINE_ENTITIES });
    await dataSource.initialize();
    const { output, exitCode } = await runMigrateCommand(process.argv.slice(2), new HooklineMigrator(dataSource));
    process.stdout.write(`${output}\n`);
    return exitCode;
  } catch (error) {
    const usage = error instanceof MigrateUsageError;
    process.stderr.write(`${(error as Error).message}\n${usage ? `${MIGRATE_USAGE}\n` : ''}`);
    return usage ? 2 : 1;
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy();
  }
}

void main().then((code) => (process.exitCode = code));
