#!/usr/bin/env node
import 'reflect-metadata';
import { CLI_USAGE, CliUsageError, runCliCommand } from './cli-commands';
import { cliDataSource } from './cli-data-source';

/** `hookline-api-keys`: create, list and revoke REST API keys against the host's database. */
async function main(): Promise<number> {
  let dataSource;
  try {
    dataSource = cliDataSource();
    await dataSource.initialize();
    const result = await runCliCommand(process.argv.slice(2), dataSource);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (process.argv[2] === 'create') process.stderr.write('Store the key now: it is shown only this once.\n');
    return 0;
  } catch (error) {
    const usage = error instanceof CliUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`${(error as Error).message}\n${usage ? `${CLI_USAGE}\n` : ''}`);
    return usage ? 2 : 1;
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy();
  }
}

void main().then((code) => (process.exitCode = code));
