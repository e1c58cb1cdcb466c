import { newId, type Clock, type EventCatalog } from '@hookline/core';
import type { DataSource } from 'typeorm';
import type { WebhookDeliveries } from '../deliveries/webhook-deliveries';
import type { DeliveryWithAttempts } from '../deliveries/delivery-view';
import { insertRows } from '../storage/insert-rows';
import type { SqlRunner } from '../storage/sql-runner';
import type { WebhookSubscriptions } from '../subscriptions/webhook-subscriptions';
import type { DeliveryProcessor } from '../worker/delivery-processor';
import { SubscriptionInactiveError, TestEventUnavailableError } from './test-event-errors';

/** Catalog names a test event may have, in order of preference (`test` is Mage's, seed 001). */
export const TEST_EVENT_TYPES = ['test', 'webhook.test'];

export interface TestEventSenderDeps {
  dataSource: DataSource;
  sql: SqlRunner;
  catalog: EventCatalog;
  subscriptions: WebhookSubscriptions;
  deliveries: WebhookDeliveries;
  processor: DeliveryProcessor;
  clock: Clock;
  /** The event type to send; the first of TEST_EVENT_TYPES the catalog has when omitted. */
  eventType?: string;
}

/**
 * The dashboard's "send test" button: one message addressed to one subscription only (whatever
 * its filters), attempted in this request so the caller sees the outcome. It is an ordinary
 * delivery afterwards: logged, signed, and retried on the usual schedule if this attempt failed.
 */
export class TestEventSender {
  constructor(private readonly deps: TestEventSenderDeps) {}

  async send(subscriptionId: string, tenant: string): Promise<DeliveryWithAttempts> {
    const subscription = await this.deps.subscriptions.get(subscriptionId, { tenant });
    if (!subscription.isActive) {
      throw new SubscriptionInactiveError(`Subscription ${subscription.id} is disabled; enable it (is_active: true) before sending a test.`, {
        pointer: '/id',
      });
    }
    const type = this.eventType();
    const data = this.deps.catalog.get(type)?.example ?? { message: 'This is a test webhook.' };
    const at = this.deps.clock.now().getTime();
    const messageId = newId('message', at);
    const deliveryId = newId('delivery', at);
    await this.deps.dataSource.transaction(async (manager) => {
      await insertRows(this.deps.sql, this.deps.sql.tables.message, ['id', 'tenant', 'type', 'payload', 'channels', 'idempotency_key', 'created_at'],
        [[messageId, tenant, type, JSON.stringify(data), null, null, at]], manager);
      await insertRows(
        this.deps.sql,
        this.deps.sql.tables.delivery,
        ['id', 'message_id', 'subscription_id', 'tenant', 'event_type', 'status', 'attempt_count', 'series_started_at', 'next_attempt_at', 'created_at', 'updated_at'],
        [[deliveryId, messageId, subscription.id, tenant, type, 'pending', 0, at, at, at, at]],
        manager,
      );
    });
    // Not enqueued: this request is the worker for the first attempt.
    await this.deps.processor.process([deliveryId]);
    return this.deps.deliveries.get(deliveryId, { tenant });
  }

  private eventType(): string {
    const type = this.deps.eventType ?? TEST_EVENT_TYPES.find((name) => this.deps.catalog.has(name));
    if (!type || !this.deps.catalog.has(type)) {
      throw new TestEventUnavailableError(
        `The event catalog has no test event type; register one named ${TEST_EVENT_TYPES.map((t) => `"${t}"`).join(' or ')}.`,
      );
    }
    return type;
  }
}
