import { HooklineError } from '@hookline/core';

/** The catalog has no test event type, so there is nothing to send. */
export class TestEventUnavailableError extends HooklineError {
  readonly code = 'HOOKLINE_TEST_EVENT_UNAVAILABLE';
}

/** A disabled subscription receives nothing, tests included; enable it first. */
export class SubscriptionInactiveError extends HooklineError {
  readonly code = 'HOOKLINE_SUBSCRIPTION_INACTIVE';
}
