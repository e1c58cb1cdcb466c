export * from './create-retry-policy';
export * from './parse-retry-after';
export type { RetryDecision, RetryDecisionInput } from './retry-decision';
export * from './retry-policy';
export * from './retry-policy-config-error';
export type { ExponentialBackoffOptions, RetryPolicyOptions } from './retry-policy-options';
export * from './retry-schedules';
