import type { DataSource } from 'typeorm';
import { WebhooksConfigError } from '../../../options/webhooks-config-error';
import { WebhookApiKeyEntity } from '../../webhook-api-key.entity';
import { WebhookAttemptEntity } from '../../webhook-attempt.entity';
import { WebhookDeliveryEntity } from '../../webhook-delivery.entity';
import { WebhookInboxEntity } from '../../webhook-inbox.entity';
import { messageEntity } from '../../webhook-message.entity';
import { WebhookSubscriptionEntity } from '../../webhook-subscription.entity';

/** webhook_message on MySQL/MariaDB: TEXT there holds 64 KB, LONGTEXT any payload, byte for byte (a JSON column would normalize it). */
export const MysqlWebhookMessageEntity = messageEntity('longtext');

/** Hookline's entities for a MySQL or MariaDB DataSource, in place of HOOKLINE_ENTITIES. */
export const HOOKLINE_MYSQL_ENTITIES = [
  WebhookSubscriptionEntity,
  MysqlWebhookMessageEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  WebhookApiKeyEntity,
  WebhookInboxEntity,
];

/** Refuses a MySQL DataSource that registered HOOKLINE_ENTITIES: its payloads would stop at 64 KB. */
export function checkMysqlEntities(dataSource: DataSource): void {
  if (!dataSource.hasMetadata('WebhookMessageEntity')) return;
  const payload = dataSource.getMetadata('WebhookMessageEntity').findColumnWithPropertyName('payload');
  if (payload?.type === 'longtext') return;
  throw new WebhooksConfigError(
    'On MySQL and MariaDB, register HOOKLINE_MYSQL_ENTITIES instead of HOOKLINE_ENTITIES (with @hookline/nestjs, pass `entities: HOOKLINE_MYSQL_ENTITIES` to WebhooksModule.forRoot): its message payload is LONGTEXT, where TEXT would hold only 64 KB.',
    { pointer: '/dataSource' },
  );
}
