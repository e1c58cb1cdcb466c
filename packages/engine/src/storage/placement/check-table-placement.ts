import type { DataSource } from 'typeorm';
import { WebhooksConfigError } from '../../options/webhooks-config-error';
import { dialectOf } from '../dialects/dialect-of';
import { checkPlacement, samePlacement, type TablePlacement } from '../../options/table-placement';
import { HOOKLINE_ENTITY_NAMES, placementOf } from './tables-of';

/**
 * Start-up: the placement the options name (if any) is the one the DataSource's entities have,
 * and it suits the database. Otherwise the statements and the entities would look in different places.
 */
export function checkTablePlacement(dataSource: DataSource, wanted: TablePlacement): void {
  const twice = duplicatedEntities(dataSource);
  if (twice.length > 0) {
    throw new WebhooksConfigError(
      `The DataSource registers Hookline's entities more than once (${twice.join('; ')}): keep one set in its entities, placed where the tables are.`,
      { pointer: '/dataSource' },
    );
  }
  if (wanted.schema === undefined && wanted.tablePrefix === undefined) return;
  checkPlacement(wanted, dialectOf(dataSource).name);
  const registered = placementOf(dataSource);
  if (samePlacement(wanted, registered)) return;
  const call = wanted.schema ? `hooklineEntities({ schema: '${wanted.schema}' })` : `hooklineEntities({ tablePrefix: '${wanted.tablePrefix}' })`;
  throw new WebhooksConfigError(
    `The options put Hookline's tables at ${describe(wanted)}, but the DataSource's entities put them at ${describe(registered)}: register ${call} in its entities (with WebhooksModule.forRootAsync, pass \`entities: ${call}\` beside useFactory).`,
    { pointer: '/database' },
  );
}

function describe(placement: TablePlacement): string {
  if (placement.schema) return `schema ${placement.schema}`;
  if (placement.tablePrefix) return `prefix ${placement.tablePrefix}`;
  return 'the connection default';
}

// Placed classes keep their original's name, which is how the runtime finds them: two sets would be ambiguous.
function duplicatedEntities(dataSource: DataSource): string[] {
  const byName = new Map<string, string[]>();
  for (const metadata of dataSource.entityMetadatas) byName.set(metadata.name, [...(byName.get(metadata.name) ?? []), metadata.tablePath]);
  return HOOKLINE_ENTITY_NAMES.filter((name) => (byName.get(name)?.length ?? 0) > 1).map((name) => `${name} as ${byName.get(name)!.join(' and ')}`);
}
