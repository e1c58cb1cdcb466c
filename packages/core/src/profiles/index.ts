export * from './envelopes';
export * from './wire-profile';
export * from './builtin-profiles';
export * from './profile-config-error';
export * from './resolve-profile';
export * from './build-webhook-request';
export { serializeEnvelope } from './serialize-envelope';
export type { StoredEnvelopeInput, WebhookMessageInput } from './serialize-envelope';
