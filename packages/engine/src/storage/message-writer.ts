import { matchesAnyFilter, newId } from '@hookline/core';
import type { EntityManager } from 'typeorm';
import { insertRows, MAX_PARAMETERS, statementChunks, unnestColumns } from '../storage/insert-rows';
import type { SqlRunner } from '../storage/sql-runner';

export interface MessageToWrite {
  tenant: string;
  type: string;
  payload: string;
  channels: string[] | null;
  idempotencyKey: string | null;
  /** Copied to each delivery: the claim keeps one key's deliveries to a subscription in order. */
  orderingKey: string | null;
  /** W3C trace context to send with every attempt; null when the publish had none. */
  traceparent: string | null;
  tracestate: string | null;
}

export interface WrittenMessage {
  messageId: string;
  /**
   * Its new deliveries, each with its subscription; `heldUntil` when it was written due later
   * because its subscription is held back (see HoldsAtPublish): those get no job.
   */
  deliveries: NewDelivery[];
  deliveryCount: number;
  duplicate: boolean;
}

export interface NewDelivery {
  id: string;
  subscriptionId: string;
  heldUntil?: Date;
}

/** When each of these subscriptions' new deliveries should first be due; a subscription not in it: now. */
export type HoldsAtPublish = (subscriptionIds: string[]) => ReadonlyMap<string, Date>;

interface SubscriptionTarget {
  id: string;
  tenant: string;
  events: string[];
  channels: string[] | null;
}

interface PlannedMessage {
  row: unknown[];
  id: string;
  tenant: string;
  idempotencyKey: string | null;
  deliveries: unknown[][];
}

const MESSAGE_COLUMNS = ['id', 'tenant', 'type', 'payload', 'channels', 'idempotency_key', 'traceparent', 'tracestate', 'created_at'];
const MESSAGE_TYPES = ['varchar', 'varchar', 'varchar', 'text', 'text', 'varchar', 'varchar', 'varchar', 'bigint'];
const DELIVERY_COLUMNS = ['id', 'message_id', 'subscription_id', 'tenant', 'event_type', 'status', 'attempt_count',
  'series_started_at', 'next_attempt_at', 'created_at', 'updated_at', 'ordering_key'];
// The columns in which one publish's deliveries differ, and their SQL types (PostgreSQL cannot
// infer parameter types inside a row source that feeds an INSERT … SELECT).
const VARYING_DELIVERY_COLUMNS = ['id', 'message_id', 'subscription_id', 'next_attempt_at', 'ordering_key'];
const VARYING_DELIVERY_TYPES = ['varchar', 'varchar', 'varchar', 'bigint', 'varchar'];
const VARYING_DELIVERY_INDEXES = VARYING_DELIVERY_COLUMNS.map((column) => DELIVERY_COLUMNS.indexOf(column));
// Where a delivery row keeps the values results() reads back.
const DELIVERY_ID = DELIVERY_COLUMNS.indexOf('id');
const DELIVERY_SUBSCRIPTION = DELIVERY_COLUMNS.indexOf('subscription_id');
const DELIVERY_NEXT_ATTEMPT = DELIVERY_COLUMNS.indexOf('next_attempt_at');

/**
 * Inserts messages and one pending delivery per matching active subscription, with multi-row
 * statements, inside the caller's transaction. Repeated idempotency keys resolve to the first
 * message and add nothing.
 */
export async function writeMessages(
  sql: SqlRunner,
  manager: EntityManager,
  messages: MessageToWrite[],
  now: Date,
  holds?: HoldsAtPublish,
): Promise<WrittenMessage[]> {
  const planned = await plan(sql, manager, messages, now, holds);
  const inserted = await insertMessages(sql, manager, planned);
  await insertRows(sql, sql.tables.delivery, DELIVERY_COLUMNS, planned.filter((m) => inserted.has(m.id)).flatMap((m) => m.deliveries), manager);
  return results(sql, manager, planned, inserted, now);
}

/**
 * The same in a single statement, which PostgreSQL runs atomically without a transaction: two
 * round trips (read the subscriptions, write everything) instead of five. Returns undefined, having
 * written nothing, when the rows do not fit one statement or the dialect cannot (SQLite).
 */
export async function writeMessagesInOneStatement(
  sql: SqlRunner,
  manager: EntityManager,
  messages: MessageToWrite[],
  now: Date,
  holds?: HoldsAtPublish,
): Promise<WrittenMessage[] | undefined> {
  if (!sql.dialect.writesInOneStatement) return undefined;
  const planned = await plan(sql, manager, messages, now, holds);
  const deliveries = planned.flatMap((m) => m.deliveries);
  // Far past this, the chunked path keeps single statements (and their arrays) a sane size.
  if (planned.length * MESSAGE_COLUMNS.length + deliveries.length * DELIVERY_COLUMNS.length > MAX_PARAMETERS) return undefined;
  const values: unknown[] = [];
  const message = unnestColumns(sql, planned.map((m) => m.row), MESSAGE_TYPES, values);
  let statement = `WITH message AS (
      INSERT INTO ${sql.tables.message} (${MESSAGE_COLUMNS.join(', ')}) SELECT * FROM ${message}
      ON CONFLICT DO NOTHING RETURNING id, tenant, type)`;
  if (deliveries.length > 0) {
    // Only what differs between a publish's deliveries travels as arrays (each element is
    // serialized and parsed); the message gives tenant and type, the rest is one value for all.
    // Deliveries of a message that was not inserted (a repeated idempotency key) are dropped by the join.
    const delivery = unnestColumns(sql, deliveries.map((d) => VARYING_DELIVERY_INDEXES.map((index) => d[index])), VARYING_DELIVERY_TYPES, values);
    values.push(now.getTime());
    const at = `CAST(${sql.placeholder(values.length)} AS bigint)`;
    statement += `, delivery AS (
      INSERT INTO ${sql.tables.delivery} (${DELIVERY_COLUMNS.join(', ')})
      SELECT v.id, v.message_id, v.subscription_id, message.tenant, message.type, 'pending', 0, ${at}, v.next_attempt_at, ${at}, ${at}, v.ordering_key
        FROM ${delivery} AS v (${VARYING_DELIVERY_COLUMNS.join(', ')})
        JOIN message ON message.id = v.message_id)`;
  }
  const { rows } = await sql.prepared<{ id: string }>(`${statement} SELECT id FROM message`, values, manager);
  return results(sql, manager, planned, new Set(rows.map((row) => row.id)), now);
}

async function plan(sql: SqlRunner, manager: EntityManager, messages: MessageToWrite[], now: Date, holds?: HoldsAtPublish): Promise<PlannedMessage[]> {
  const at = now.getTime();
  const targets = await activeSubscriptions(sql, manager, [...new Set(messages.map((m) => m.tenant))]);
  const held = targets.length > 0 && holds ? holds(targets.map((s) => s.id)) : new Map<string, Date>();
  return messages.map((m) => {
    const id = newId('message', at);
    const deliveries = targets
      .filter((s) => s.tenant === m.tenant && matchesAnyFilter(s.events, m.type) && sharesChannel(s.channels, m.channels))
      .map((s) => [newId('delivery', at), id, s.id, m.tenant, m.type, 'pending', 0, at, held.get(s.id)?.getTime() ?? at, at, at, m.orderingKey]);
    const row = [id, m.tenant, m.type, m.payload, m.channels ? JSON.stringify(m.channels) : null, m.idempotencyKey, m.traceparent, m.tracestate, at];
    return { row, id, tenant: m.tenant, idempotencyKey: m.idempotencyKey, deliveries };
  });
}

async function insertMessages(sql: SqlRunner, manager: EntityManager, planned: PlannedMessage[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (const chunk of statementChunks(sql, MESSAGE_COLUMNS.length, planned.map((m) => m.row))) {
    for (const id of await sql.dialect.insertNew(sql, sql.tables.message, MESSAGE_COLUMNS, chunk, manager)) inserted.add(id);
  }
  return inserted;
}

async function results(sql: SqlRunner, manager: EntityManager, planned: PlannedMessage[], inserted: Set<string>, now: Date): Promise<WrittenMessage[]> {
  const written: WrittenMessage[] = [];
  for (const m of planned) {
    if (!inserted.has(m.id)) {
      written.push(await existingMessage(sql, manager, m.tenant, m.idempotencyKey));
      continue;
    }
    const deliveries = m.deliveries.map((d): NewDelivery => {
      const delivery = { id: d[DELIVERY_ID] as string, subscriptionId: d[DELIVERY_SUBSCRIPTION] as string };
      const dueAt = d[DELIVERY_NEXT_ATTEMPT] as number;
      return dueAt > now.getTime() ? { ...delivery, heldUntil: new Date(dueAt) } : delivery;
    });
    written.push({ messageId: m.id, deliveries, deliveryCount: deliveries.length, duplicate: false });
  }
  return written;
}

function sharesChannel(subscriptionChannels: string[] | null, messageChannels: string[] | null): boolean {
  if (!subscriptionChannels || subscriptionChannels.length === 0) return true;
  return !!messageChannels && messageChannels.some((channel) => subscriptionChannels.includes(channel));
}

async function activeSubscriptions(sql: SqlRunner, manager: EntityManager, tenants: string[]): Promise<SubscriptionTarget[]> {
  const { rows } = await sql.prepared<{ id: string; tenant: string; events: string; channels: string | null }>(
    `SELECT id, tenant, events, channels FROM ${sql.tables.subscription} WHERE tenant IN (SELECT value FROM ${tenantList(sql)}) AND is_active = ${sql.placeholder(2)}`,
    [sql.dialect.textListParameter(tenants), true],
    manager,
  );
  return rows.map((r) => ({ id: r.id, tenant: r.tenant, events: JSON.parse(r.events), channels: r.channels ? JSON.parse(r.channels) : null }));
}

// The tenants as one parameter, so the statement's text is the same for any number of them.
function tenantList(sql: SqlRunner): string {
  return sql.dialect.textListRows(sql.placeholder(1));
}

async function existingMessage(
  sql: SqlRunner,
  manager: EntityManager,
  tenant: string,
  idempotencyKey: string | null,
): Promise<WrittenMessage> {
  const [row] = await sql.rows<{ id: string; deliveries: number | string }>(
    `SELECT m.id, (SELECT COUNT(*) FROM ${sql.tables.delivery} d WHERE d.message_id = m.id) AS deliveries
       FROM ${sql.tables.message} m WHERE m.tenant = :tenant AND m.idempotency_key = :key`,
    { tenant, key: idempotencyKey },
    manager,
  );
  if (!row) throw new Error(`Message insert for tenant ${tenant} was ignored without an idempotency conflict.`);
  return { messageId: row.id, deliveries: [], deliveryCount: Number(row.deliveries), duplicate: true };
}
