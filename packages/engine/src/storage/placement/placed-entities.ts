import { Entity, getMetadataArgsStorage } from 'typeorm';
import { HOOKLINE_MYSQL_ENTITIES } from '../dialects/mysql/mysql-entities';
import { HOOKLINE_ENTITIES } from '../entities';
import { checkPlacement, prefixedName, type TablePlacement } from '../../options/table-placement';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's entity targets are plain classes
export type EntityClass = Function;

/** The entity a placed class was made from, so placing a placed list again starts from the originals. */
const originals = new WeakMap<EntityClass, EntityClass>();
/** One class per entity and placement: TypeORM keys its metadata by class, so the module and the runtime must share them. */
const placedClasses = new Map<EntityClass, Map<string, EntityClass>>();

/**
 * Hookline's entities with their tables where `placement` puts them, for a DataSource's `entities`:
 * `hooklineEntities({ schema: 'hookline' })` on PostgreSQL, `hooklineEntities({ database: 'mysql', tablePrefix: 'hl_' })`
 * on MySQL/MariaDB. With no placement, HOOKLINE_ENTITIES or HOOKLINE_MYSQL_ENTITIES themselves.
 */
export function hooklineEntities(options: TablePlacement & { database?: 'postgres' | 'sqlite' | 'mysql' } = {}): EntityClass[] {
  const { database, ...placement } = options;
  const mysql = database === 'mysql' || (database === undefined && placement.tablePrefix !== undefined);
  return placeEntities(mysql ? HOOKLINE_MYSQL_ENTITIES : HOOKLINE_ENTITIES, checkPlacement(placement, database ?? (mysql ? 'mysql' : undefined)));
}

/** The entities given (Hookline's, placed or not) with their tables where `placement` puts them. */
export function placeEntities(entities: readonly EntityClass[], where: TablePlacement): EntityClass[] {
  const placement = checkPlacement(where);
  const bases = entities.map((entity) => originals.get(entity) ?? entity);
  if (!placement.schema && !placement.tablePrefix) return bases;
  const key = `${placement.schema ?? ''}|${placement.tablePrefix ?? ''}`;
  return bases.map((base) => {
    const byPlacement = placedClasses.get(base) ?? new Map<string, EntityClass>();
    placedClasses.set(base, byPlacement);
    let placed = byPlacement.get(key);
    if (!placed) {
      placed = placedClass(base, placement);
      byPlacement.set(key, placed);
      originals.set(placed, base);
    }
    return placed;
  });
}

// A subclass inherits the original's columns and indexes (TypeORM reads them along the class
// chain) and gets a table of its own; it keeps the original's class name, which is how the
// runtime finds its repository and metadata on any DataSource.
function placedClass(base: EntityClass, placement: TablePlacement): EntityClass {
  const table = getMetadataArgsStorage().tables.find((args) => args.target === base);
  if (!table?.name) throw new Error(`${base.name} is not one of Hookline's entities.`);
  const placed = class extends (base as new () => object) {};
  Object.defineProperty(placed, 'name', { value: base.name });
  const name = prefixedName(table.name, placement);
  Entity({ name, ...(placement.schema && { schema: placement.schema }) })(placed);
  return placed;
}
