import { WebhooksConfigError } from './webhooks-config-error';

/**
 * Where Hookline's tables live: a PostgreSQL schema of their own, or a prefix on their names on
 * MySQL/MariaDB. Neither set: the connection's default (PostgreSQL's search_path, MySQL's database).
 */
export interface TablePlacement {
  /** PostgreSQL only: the schema holding every Hookline table (created by the first migration). */
  schema?: string;
  /** MySQL/MariaDB only: prepended to every Hookline table's name, e.g. `hl_` → `hl_webhook_delivery`. */
  tablePrefix?: string;
}

/** Hookline's tables by their role, with their names before placement. */
export const HOOKLINE_TABLE_NAMES = {
  subscription: 'webhook_subscription',
  message: 'webhook_message',
  delivery: 'webhook_delivery',
  attempt: 'webhook_attempt',
  apiKey: 'webhook_api_key',
  inbox: 'webhook_inbox',
} as const;

export type HooklineTable = keyof typeof HOOKLINE_TABLE_NAMES;

/** Each table's name as the hand-written SQL writes it, quoted: `"hookline"."webhook_delivery"`, `` `hl_webhook_delivery` ``, or plain. */
export type TableNames = Record<HooklineTable, string>;

// Unquoted in the hand-written SQL, so lower case only: PostgreSQL folds unquoted names to lower case,
// and MySQL's table names follow the file system's case rules.
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;
const PREFIX = /^[a-z0-9_]{1,32}$/;

/** The placement as given, checked: a typed error naming the fix when it cannot work on `database`. */
export function checkPlacement(placement: TablePlacement, database?: 'postgres' | 'sqlite' | 'mysql'): TablePlacement {
  const { schema, tablePrefix } = placement;
  if (schema !== undefined) {
    if (typeof schema !== 'string' || !SCHEMA.test(schema)) {
      throw new WebhooksConfigError(`database.schema must be a lower-case PostgreSQL identifier (letters, digits, _; at most 63), got ${JSON.stringify(schema)}.`, { pointer: '/database/schema' });
    }
    if (database && database !== 'postgres') {
      throw new WebhooksConfigError(`database.schema is for PostgreSQL; on ${database === 'mysql' ? 'MySQL/MariaDB use database.tablePrefix' : 'SQLite, use a database file of its own'} instead.`, { pointer: '/database/schema' });
    }
  }
  if (tablePrefix !== undefined) {
    if (typeof tablePrefix !== 'string' || !PREFIX.test(tablePrefix)) {
      throw new WebhooksConfigError(`database.tablePrefix must be 1–32 lower-case letters, digits or _, got ${JSON.stringify(tablePrefix)}.`, { pointer: '/database/tablePrefix' });
    }
    if (database && database !== 'mysql') {
      throw new WebhooksConfigError(`database.tablePrefix is for MySQL/MariaDB; on ${database === 'postgres' ? 'PostgreSQL use database.schema' : 'SQLite, use a database file of its own'} instead.`, { pointer: '/database/tablePrefix' });
    }
  }
  if (schema !== undefined && tablePrefix !== undefined) {
    throw new WebhooksConfigError('Give database.schema (PostgreSQL) or database.tablePrefix (MySQL/MariaDB), not both.', { pointer: '/database' });
  }
  return { ...(schema !== undefined && { schema }), ...(tablePrefix !== undefined && { tablePrefix }) };
}

/** A table's name with the placement's prefix (the schema, where there is one, qualifies it apart). */
export function prefixedName(name: string, placement: TablePlacement): string {
  return `${placement.tablePrefix ?? ''}${name}`;
}

/** Whether two placements put the tables in the same place. */
export function samePlacement(a: TablePlacement, b: TablePlacement): boolean {
  return (a.schema ?? '') === (b.schema ?? '') && (a.tablePrefix ?? '') === (b.tablePrefix ?? '');
}
