import { systemClock, type Clock } from '@hookline/core';
import type { DataSource } from 'typeorm';
import { WebhooksConfigError } from '../options/webhooks-config-error';
import { SqlRunner } from '../storage/sql-runner';
import { INBOX_RETENTION_DEFAULTS, WebhookInbox, type InboxRetention } from './webhook-inbox';

export interface WebhookInboxOptions {
  retention?: Partial<InboxRetention>;
  clock?: Clock;
}

/**
 * An inbox on the host's DataSource for an app that receives webhooks without sending any (a
 * Hookline that sends has one: `hookline.inbox`). The DataSource's entities must include
 * WebhookInboxEntity (HOOKLINE_ENTITIES and HOOKLINE_MYSQL_ENTITIES do).
 */
export function createWebhookInbox(dataSource: DataSource, options: WebhookInboxOptions = {}): WebhookInbox {
  if (!dataSource?.isInitialized) {
    throw new WebhooksConfigError('createWebhookInbox needs an initialized TypeORM DataSource: `await dataSource.initialize()` first.', { pointer: '/dataSource' });
  }
  if (!dataSource.hasMetadata('WebhookInboxEntity')) {
    throw new WebhooksConfigError('The DataSource does not know webhook_inbox: add WebhookInboxEntity (or HOOKLINE_ENTITIES) to its entities.', { pointer: '/dataSource' });
  }
  return new WebhookInbox(new SqlRunner(dataSource), options.clock ?? systemClock, resolveInboxRetention(options.retention));
}

export function resolveInboxRetention(retention: Partial<InboxRetention> = {}): InboxRetention {
  const days = retention.days ?? INBOX_RETENTION_DEFAULTS.days;
  const intervalMs = retention.intervalMs ?? INBOX_RETENTION_DEFAULTS.intervalMs;
  if (typeof days !== 'number' || !(days > 0)) throw new WebhooksConfigError('inbox retention `days` must be a positive number of days.', { pointer: '/retention/days' });
  if (!Number.isInteger(intervalMs) || intervalMs <= 0) throw new WebhooksConfigError('inbox retention `intervalMs` must be a positive integer (ms).', { pointer: '/retention/intervalMs' });
  return { days, intervalMs };
}
