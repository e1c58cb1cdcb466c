export * from '@hookline/core';
export { WebhooksModule } from './module/webhooks.module';
export { WEBHOOKS_MODULE_OPTIONS } from './module/webhooks.module-definition';
export type { WebhooksModuleExtras } from './module/webhooks.module-definition';
export type { WebhooksModuleOptions, QueueOptions, BridgeOptions } from './module/webhooks-module-options';
export { WebhooksConfigError } from './module/webhooks-config-error';
export { HOOKLINE_RUNTIME } from './module/tokens';
export { HooklineRuntime } from './runtime/hookline-runtime';
export type { HooklineLogger } from './runtime/hookline-logger';
export { WebhookPublisher } from './publishing/webhook-publisher';
export type { PublishOptions, PublishInput, PublishResult } from './publishing/publish-types';
export { PayloadTooLargeError, InvalidPublishOptionsError, PublishNotStoredError } from './publishing/publish-errors';
export { WebhookSubscriptions } from './subscriptions/webhook-subscriptions';
export type { SubscriptionView, SubscriptionWithSecret } from './subscriptions/subscription-view';
export type { CreateSubscriptionInput, UpdateSubscriptionInput, ListSubscriptionsInput, Page, TenantScope } from './subscriptions/subscription-input';
export { SubscriptionNotFoundError, InvalidSubscriptionError } from './subscriptions/subscription-errors';
export { WebhookDeliveries, type ListDeliveriesInput, type ReplayDeliveriesInput } from './deliveries/webhook-deliveries';
export type { DeliveryView, DeliveryWithAttempts, AttemptView } from './deliveries/delivery-view';
export { DeliveryNotFoundError, DeliveryNotResendableError } from './deliveries/delivery-errors';
export { HOOKLINE_ENTITIES } from './storage/entities';
export { WebhookSubscriptionEntity } from './storage/webhook-subscription.entity';
export { WebhookMessageEntity } from './storage/webhook-message.entity';
export { WebhookDeliveryEntity, type DeliveryStatus } from './storage/webhook-delivery.entity';
export { WebhookAttemptEntity } from './storage/webhook-attempt.entity';
export { SecretCipher, EncryptionKeyError, SecretDecryptionError } from './secrets/secret-cipher';
export { OPERATIONAL_EVENT_PREFIX, type OperationalEventName } from './worker/operational-events';
export type { DeliveryQueue, DeliveryJob } from './queue/delivery-queue';
export { HOOKLINE_MIGRATIONS } from './storage/migrations';
export { WebhookMessages } from './messages/webhook-messages';
export type { MessageView, MessageWithDeliveries } from './messages/message-view';
export { MessageNotFoundError } from './messages/message-errors';
export { WebhookStats } from './stats/webhook-stats';
export type { SubscriptionStatsView } from './stats/subscription-stats-view';
export { parseStatsWindow, InvalidStatsWindowError } from './stats/stats-window';
export { TestEventUnavailableError, SubscriptionInactiveError } from './test-events/test-event-errors';
export { WebhookApiKeys, type CreateApiKeyInput } from './api-keys/webhook-api-keys';
export type { ApiKeyView, CreatedApiKey, AuthenticatedApiKey } from './api-keys/api-key-view';
export type { ApiKeyScope } from './api-keys/api-key-scope';
export { ApiKeyNotFoundError, InvalidApiKeyInputError } from './api-keys/api-key-errors';
export { WebhookApiKeyEntity } from './api-keys/webhook-api-key.entity';
export type { WebhooksApiOptions } from './api/api-options';
export type { WebhooksDashboardOptions } from './dashboard/dashboard-options';
export { setApiCaller, getApiCaller, type ApiCaller } from './api/auth/api-caller';
export { ApiKeyGuard } from './api/auth/api-key.guard';
export {
  UnauthenticatedError,
  ReadOnlyKeyError,
  RateLimitedError,
  RequestTooLargeError,
  InvalidRequestError,
  type RequestIssue,
} from './api/errors/api-errors';
export type { ApiErrorDocument, ApiErrorObject } from './api/errors/error-document';
