import { WebhookApiKeyEntity } from './webhook-api-key.entity';
import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookInboxEntity } from './webhook-inbox.entity';
import { WebhookMessageEntity } from './webhook-message.entity';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/** Every entity the module registers on the host's DataSource. */
export const HOOKLINE_ENTITIES = [
  WebhookSubscriptionEntity,
  WebhookMessageEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  WebhookApiKeyEntity,
  WebhookInboxEntity,
];
