import { HOOKLINE_TABLE_NAMES, prefixedName, type TablePlacement } from '../../options/table-placement';

const TABLES = Object.values(HOOKLINE_TABLE_NAMES).join('|');
const QUOTED = new RegExp(`"(${TABLES})"`, 'g');
// Not inside a longer name: idx_webhook_delivery_due is an index, not the table.
const BARE = new RegExp(`(?<![\\w.])(${TABLES})(?!\\w)`, 'g');

/**
 * A migration statement, written for the tables' default place, with each Hookline table name
 * where `placement` puts it. PostgreSQL and SQLite statements quote their table names, MySQL's don't.
 */
export function placeStatement(statement: string, placement: TablePlacement, quoted: boolean): string {
  if (!placement.schema && !placement.tablePrefix) return statement;
  if (quoted) return statement.replace(QUOTED, (_, name: string) => `${placement.schema ? `"${placement.schema}".` : ''}"${prefixedName(name, placement)}"`);
  return statement.replace(BARE, (_, name: string) => `${placement.schema ? `${placement.schema}.` : ''}${prefixedName(name, placement)}`);
}
