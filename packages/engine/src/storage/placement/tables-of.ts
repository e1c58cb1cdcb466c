import type { DataSource, EntityMetadata } from 'typeorm';
import { WebhookApiKeyEntity } from '../webhook-api-key.entity';
import { WebhookAttemptEntity } from '../webhook-attempt.entity';
import { WebhookDeliveryEntity } from '../webhook-delivery.entity';
import { WebhookInboxEntity } from '../webhook-inbox.entity';
import { WebhookMessageEntity } from '../webhook-message.entity';
import { WebhookSubscriptionEntity } from '../webhook-subscription.entity';
import { HOOKLINE_TABLE_NAMES, type HooklineTable, type TableNames, type TablePlacement } from '../../options/table-placement';

/** Each table's entity by class name: placed classes and MySQL's message class keep the original's name. */
const ENTITY_NAMES: Record<HooklineTable, string> = {
  subscription: WebhookSubscriptionEntity.name,
  message: WebhookMessageEntity.name,
  delivery: WebhookDeliveryEntity.name,
  attempt: WebhookAttemptEntity.name,
  apiKey: WebhookApiKeyEntity.name,
  inbox: WebhookInboxEntity.name,
};

/** The class names of Hookline's entities. */
export const HOOKLINE_ENTITY_NAMES = Object.values(ENTITY_NAMES);

/** The metadata of the table's entity as this DataSource registered it, if it did. */
export function hooklineMetadata(dataSource: DataSource, table: HooklineTable): EntityMetadata | undefined {
  return dataSource.hasMetadata(ENTITY_NAMES[table]) ? dataSource.getMetadata(ENTITY_NAMES[table]) : undefined;
}

/**
 * Hookline's table names, quoted, as the DataSource's entities place them (a schema on the entities
 * or on the DataSource, a prefix of their own or TypeORM's entityPrefix): the hand-written SQL then
 * finds the tables TypeORM and the migrations made.
 */
export function tableNamesOf(dataSource: DataSource): TableNames {
  const escape = (name: string) => dataSource.driver.escape(name);
  const names = {} as TableNames;
  for (const table of Object.keys(HOOKLINE_TABLE_NAMES) as HooklineTable[]) {
    const metadata = hooklineMetadata(dataSource, table);
    const name = escape(metadata?.tableName ?? HOOKLINE_TABLE_NAMES[table]);
    // MySQL's "schema" is its database, which the connection already names.
    names[table] = metadata?.schema && dataSource.driver.options.type === 'postgres' ? `${escape(metadata.schema)}.${name}` : name;
  }
  return names;
}

/** Where the DataSource's Hookline entities put the tables: what the migrations create and the CLI reports. */
export function placementOf(dataSource: DataSource): TablePlacement {
  for (const table of Object.keys(HOOKLINE_TABLE_NAMES) as HooklineTable[]) {
    const metadata = hooklineMetadata(dataSource, table);
    if (!metadata) continue;
    const base = HOOKLINE_TABLE_NAMES[table];
    const prefix = metadata.tableName.endsWith(base) ? metadata.tableName.slice(0, -base.length) : '';
    return { ...(metadata.schema && { schema: metadata.schema }), ...(prefix && { tablePrefix: prefix }) };
  }
  return {};
}
