export * from '@hookline/engine';
export { WebhooksModule } from './module/webhooks.module';
export { WEBHOOKS_MODULE_OPTIONS } from './module/webhooks.module-definition';
export type { WebhooksModuleExtras } from './module/webhooks.module-definition';
export type { WebhooksModuleOptions } from './module/webhooks-module-options';
export type { BridgeOptions } from './bridge/bridge-options';
export {
  HOOKLINE_RUNTIME,
  getHooklineRuntimeToken,
  getWebhookPublisherToken,
  getWebhookSubscriptionsToken,
  getWebhookDeliveriesToken,
  getWebhookMessagesToken,
  getWebhookApiKeysToken,
  getWebhookStatsToken,
  getWebhookPortalToken,
  InjectWebhookPublisher,
  InjectWebhookSubscriptions,
  InjectWebhookDeliveries,
  InjectWebhookMessages,
  InjectWebhookApiKeys,
  InjectWebhookStats,
  InjectWebhookPortal,
} from './module/tokens';
export { WebhooksCoreModule } from './module/webhooks-core.module';
export type { WebhooksApiOptions } from './api/api-options';
export type { WebhooksDashboardOptions } from './dashboard/dashboard-options';
export { setApiCaller, getApiCaller, type ApiCaller } from './api/auth/api-caller';
export { ApiKeyGuard } from './api/auth/api-key.guard';
export {
  UnauthenticatedError,
  ReadOnlyKeyError,
  PortalSessionForbiddenError,
  RateLimitedError,
  RequestTooLargeError,
  InvalidRequestError,
  type RequestIssue,
} from './api/errors/api-errors';
export type { ApiErrorDocument, ApiErrorObject } from './api/errors/error-document';
export { WebhookReceiverModule } from './receiving/webhook-receiver.module';
export { WEBHOOK_RECEIVER_OPTIONS, type WebhookInboxModuleOptions, type WebhookReceiverModuleExtras, type WebhookReceiverModuleOptions } from './receiving/webhook-receiver.module-definition';
export { VerifyWebhook, WebhookEvent, type VerifyWebhookOptions } from './receiving/verify-webhook.decorator';
export type { ReceivedWebhook } from './receiving/verified-request';
export { WebhookSignatureGuard } from './receiving/webhook-signature.guard';
