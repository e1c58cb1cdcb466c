import { createSigner, type Signer } from '../signing';
import { RetryPolicy } from '../retry';
import { envelopes, type EnvelopeBuilder } from './envelopes';
import { BUILTIN_PROFILE_NAMES, builtinProfiles, type BuiltinProfileName } from './builtin-profiles';
import { ProfileConfigError } from './profile-config-error';
import type { ProfileInput, WireProfile } from './wire-profile';

/** A profile with its signer, envelope builder and retry policy made once, ready for the hot path. */
export interface ResolvedProfile {
  readonly profile: WireProfile;
  readonly signer: Signer;
  readonly buildEnvelope: EnvelopeBuilder;
  readonly retryPolicy: RetryPolicy;
}

export function isBuiltinProfileName(name: unknown): name is BuiltinProfileName {
  return typeof name === 'string' && Object.hasOwn(builtinProfiles, name);
}

/** Turns a profile name or definition into a ready profile; throws ProfileConfigError when it cannot. */
export function resolveProfile(input: ProfileInput = 'standard'): ResolvedProfile {
  const profile = typeof input === 'string' ? builtinOrThrow(input) : mergeWithBase(input);
  const buildEnvelope = typeof profile.envelope === 'function' ? profile.envelope : (envelopes as Record<string, EnvelopeBuilder | undefined>)[profile.envelope];
  if (!buildEnvelope) {
    throw new ProfileConfigError(
      `Profile "${profile.name}" names an unknown envelope "${String(profile.envelope)}"; use one of ${Object.keys(envelopes).join(', ')} or a function.`,
    );
  }
  return {
    profile,
    signer: createSigner(profile.signer),
    buildEnvelope,
    retryPolicy: new RetryPolicy(profile.retry),
  };
}

function builtinOrThrow(name: string): WireProfile {
  if (!isBuiltinProfileName(name)) {
    throw new ProfileConfigError(
      `Unknown profile "${name}"; use one of ${BUILTIN_PROFILE_NAMES.join(', ')} or pass a profile object.`,
    );
  }
  return builtinProfiles[name];
}

function mergeWithBase(input: Exclude<ProfileInput, string>): WireProfile {
  const { extends: baseName, ...overrides } = input;
  const base = builtinOrThrow(baseName ?? 'standard');
  return { ...base, ...overrides, signer: overrides.signer ?? base.signer, retry: overrides.retry ?? base.retry };
}
