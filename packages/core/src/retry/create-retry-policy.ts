import { RetryPolicy } from './retry-policy';
import { RetryPolicyConfigError } from './retry-policy-config-error';
import type { RetryPolicyOptions } from './retry-policy-options';
import { type RetrySchedulePreset, retrySchedules } from './retry-schedules';

/** A policy from a preset name, options, or an existing policy (returned as is), so config can take any of the three. */
export function createRetryPolicy(config: RetrySchedulePreset | RetryPolicyOptions | RetryPolicy): RetryPolicy {
  if (config instanceof RetryPolicy) return config;
  if (typeof config !== 'string') return new RetryPolicy(config);
  // Names arrive from untyped config files too, so check at run time and own keys only.
  if (!Object.prototype.hasOwnProperty.call(retrySchedules, config)) {
    throw new RetryPolicyConfigError(
      `Unknown retry preset "${String(config)}"; use one of ${Object.keys(retrySchedules).join(', ')}, or pass options.`,
    );
  }
  return new RetryPolicy(retrySchedules[config]);
}
