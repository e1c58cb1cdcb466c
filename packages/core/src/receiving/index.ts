export { WebhookReceiver, type SenderConfig, type SecretSource, type VerifiedWebhook } from './webhook-receiver';
export { KNOWN_SENDER_NAMES, isKnownSenderName, knownSender, type KnownSenderName, type SenderFormat } from './known-senders';
export { MalformedWebhookError, ReceiverConfigError } from './receiver-errors';
