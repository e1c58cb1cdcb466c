// `@hookline/engine/testing`: for the host's tests only; nothing in the main entry point imports it.
export { TestClock, TEST_CLOCK_START } from './test-clock';
export { RecordingTransport } from './recording-transport';
export type { RecordedRequest, Responder, ScriptedResponse } from './recorded-request';
export { HooklineTestKit, type TestKitOptions } from './hookline-test-kit';
export { createTestHookline, type TestHookline } from './create-test-hookline';
export { signWebhook, type SignWebhookInput } from './sign-webhook';
export { expectWebhookSent, expectNoWebhookSent, type SentWebhookExpectation } from './expect-webhook-sent';
export type { SentBy } from './verify-recorded';
export { sentEvent, type SentEvent } from './sent-event';
export { WebhookAssertionError } from './webhook-assertion-error';
export { TestKitError } from './test-kit-error';
