import { matchesAnyFilter, newId } from '@hookline/core';
import type { EntityManager } from 'typeorm';
import { insertRows, valueTuples } from '../storage/insert-rows';
import type { SqlRunner } from '../storage/sql-runner';

export interface MessageToWrite {
  tenant: string;
  type: string;
  payload: string;
  channels: string[] | null;
  idempotencyKey: string | null;
}

export interface WrittenMessage {
  messageId: string;
  deliveryIds: string[];
  deliveryCount: number;
  duplicate: boolean;
}

interface SubscriptionTarget {
  id: string;
  tenant: string;
  events: string[];
  channels: string[] | null;
}

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
): Promise<WrittenMessage[]> {
  const at = now.getTime();
  const rows = messages.map((m) => ({ ...m, id: newId('message', at) }));
  const { tuples, values } = valueTuples(
    sql,
    rows.map((r) => [r.id, r.tenant, r.type, r.payload, r.channels ? JSON.stringify(r.channels) : null, r.idempotencyKey, at]),
  );
  const { rows: insertedRows } = await sql.positional<{ id: string }>(
    `INSERT INTO webhook_message (id, tenant, type, payload, channels, idempotency_key, created_at)
     VALUES ${tuples} ON CONFLICT DO NOTHING RETURNING id`,
    values,
    manager,
  );
  const inserted = new Set(insertedRows.map((row) => row.id));

  const targets = await activeSubscriptions(sql, manager, [...new Set(rows.map((r) => r.tenant))]);
  const deliveries: unknown[][] = [];
  const results: WrittenMessage[] = [];
  for (const row of rows) {
    if (!inserted.has(row.id)) {
      results.push(await existingMessage(sql, manager, row.tenant, row.idempotencyKey));
      continue;
    }
    const deliveryIds = targets
      .filter((s) => s.tenant === row.tenant && matchesAnyFilter(s.events, row.type) && sharesChannel(s.channels, row.channels))
      .map((s) => {
        const id = newId('delivery', at);
        deliveries.push([id, row.id, s.id, row.tenant, row.type, 'pending', 0, at, at, at, at]);
        return id;
      });
    results.push({ messageId: row.id, deliveryIds, deliveryCount: deliveryIds.length, duplicate: false });
  }
  await insertRows(
    sql,
    'webhook_delivery',
    ['id', 'message_id', 'subscription_id', 'tenant', 'event_type', 'status', 'attempt_count',
      'series_started_at', 'next_attempt_at', 'created_at', 'updated_at'],
    deliveries,
    manager,
  );
  return results;
}

function sharesChannel(subscriptionChannels: string[] | null, messageChannels: string[] | null): boolean {
  if (!subscriptionChannels || subscriptionChannels.length === 0) return true;
  return !!messageChannels && messageChannels.some((channel) => subscriptionChannels.includes(channel));
}

async function activeSubscriptions(sql: SqlRunner, manager: EntityManager, tenants: string[]): Promise<SubscriptionTarget[]> {
  const rows = await sql.rows<{ id: string; tenant: string; events: string; channels: string | null }>(
    `SELECT id, tenant, events, channels FROM webhook_subscription WHERE tenant IN (:...tenants) AND is_active = :active`,
    { tenants, active: true },
    manager,
  );
  return rows.map((r) => ({ id: r.id, tenant: r.tenant, events: JSON.parse(r.events), channels: r.channels ? JSON.parse(r.channels) : null }));
}

async function existingMessage(
  sql: SqlRunner,
  manager: EntityManager,
  tenant: string,
  idempotencyKey: string | null,
): Promise<WrittenMessage> {
  const [row] = await sql.rows<{ id: string; deliveries: number | string }>(
    `SELECT m.id, (SELECT COUNT(*) FROM webhook_delivery d WHERE d.message_id = m.id) AS deliveries
       FROM webhook_message m WHERE m.tenant = :tenant AND m.idempotency_key = :key`,
    { tenant, key: idempotencyKey },
    manager,
  );
  if (!row) throw new Error(`Message insert for tenant ${tenant} was ignored without an idempotency conflict.`);
  return { messageId: row.id, deliveryIds: [], deliveryCount: Number(row.deliveries), duplicate: true };
}
