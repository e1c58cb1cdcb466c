import { parseArgs } from 'node:util';
import { systemClock } from '@hookline/core';
import type { DataSource } from 'typeorm';
import type { ApiKeyScope } from '../storage/api-key-scope';
import { WebhookApiKeys } from './webhook-api-keys';

export const CLI_USAGE = `Usage (DATABASE_URL=postgres://…, mysql://… or a SQLite file path; DATABASE_SCHEMA optional):
  hookline-api-keys create --tenant <tenant> --scope read|write [--name <label>]
  hookline-api-keys list --tenant <tenant>
  hookline-api-keys revoke <key id>`;

/** A usage mistake: the CLI prints the usage and exits 2. */
export class CliUsageError extends Error {}

/** Runs one CLI command and returns what to print (JSON). */
export async function runCliCommand(argv: string[], dataSource: DataSource): Promise<unknown> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { tenant: { type: 'string' }, scope: { type: 'string' }, name: { type: 'string' } },
  });
  const [command, id] = positionals;
  const keys = new WebhookApiKeys({ dataSource, clock: systemClock });
  switch (command) {
    case 'create':
      if (!values.tenant || !values.scope) throw new CliUsageError('create needs --tenant and --scope.');
      return keys.create({ tenant: values.tenant, scope: values.scope as ApiKeyScope, name: values.name });
    case 'list':
      if (!values.tenant) throw new CliUsageError('list needs --tenant.');
      return keys.list(values.tenant);
    case 'revoke':
      if (!id) throw new CliUsageError('revoke needs the key id, e.g. key_01J….');
      return keys.revoke(id);
    default:
      throw new CliUsageError(command ? `Unknown command "${command}".` : 'Name a command.');
  }
}
