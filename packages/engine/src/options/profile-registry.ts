import { BUILTIN_PROFILE_NAMES, isBuiltinProfileName, resolveProfile, RetryPolicy, type ProfileInput, type ResolvedProfile, type RetryPolicyOptions } from '@hookline/core';
import { WebhooksConfigError } from '../options/webhooks-config-error';

/**
 * The profiles a subscription may use, each resolved once: the module's default, the built-in
 * ones and any the host named. A module-level `retry` option overrides every profile's schedule.
 */
export class ProfileRegistry {
  private readonly resolved = new Map<string, ResolvedProfile>();
  readonly defaultProfile: ResolvedProfile;

  constructor(
    defaultProfile: ProfileInput = 'standard',
    private readonly named: Record<string, ProfileInput> = {},
    private readonly retry?: RetryPolicyOptions | RetryPolicy,
  ) {
    this.defaultProfile = this.build(defaultProfile);
    for (const name of Object.keys(named)) this.get(name);
  }

  /** The profile for a subscription: its own when set, else the module's. */
  forSubscription(profileName: string | null | undefined): ResolvedProfile {
    return profileName ? this.get(profileName) : this.defaultProfile;
  }

  has(name: string): boolean {
    return isBuiltinProfileName(name) || Object.prototype.hasOwnProperty.call(this.named, name);
  }

  names(): string[] {
    return [...new Set([...BUILTIN_PROFILE_NAMES, ...Object.keys(this.named)])];
  }

  get(name: string): ResolvedProfile {
    let profile = this.resolved.get(name);
    if (!profile) {
      if (!this.has(name)) {
        throw new WebhooksConfigError(`Unknown profile "${name}"; known profiles: ${this.names().join(', ')}.`, { pointer: '/profile' });
      }
      profile = this.build(this.named[name] ?? name);
      this.resolved.set(name, profile);
    }
    return profile;
  }

  private build(input: ProfileInput): ResolvedProfile {
    const profile = resolveProfile(input);
    if (!this.retry) return profile;
    return { ...profile, retryPolicy: this.retry instanceof RetryPolicy ? this.retry : new RetryPolicy(this.retry) };
  }
}
