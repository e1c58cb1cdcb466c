import { createRetryPolicy } from './create-retry-policy';
import { RetryPolicy } from './retry-policy';
import { RetryPolicyConfigError } from './retry-policy-config-error';

describe('createRetryPolicy', () => {
  it('builds a policy from a preset name', () => {
    expect(createRetryPolicy('mgpass').delays()).toEqual([1000, 5000, 25000]);
  });

  it('builds a policy from options', () => {
    expect(createRetryPolicy({ schedule: [10, 20] }).maxAttempts).toBe(3);
  });

  it('returns an existing policy unchanged', () => {
    const policy = new RetryPolicy();
    expect(createRetryPolicy(policy)).toBe(policy);
  });

  it('rejects an unknown preset and lists the known ones', () => {
    const create = () => createRetryPolicy('hourly' as never);
    expect(create).toThrow(RetryPolicyConfigError);
    expect(create).toThrow(/standard, mgpass, loyali, mage, loyalpro/);
    expect(() => createRetryPolicy('toString' as never)).toThrow(RetryPolicyConfigError);
  });
});
