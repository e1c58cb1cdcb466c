import type { ResolvedProfile } from '../profiles';
import { probeMessage } from './probe-message';
import { probeRequest } from './probe-request';

const names = new WeakMap<ResolvedProfile, ReadonlySet<string>>();

/**
 * The names, lower-cased, of every header buildWebhookRequest sets under `resolved`: content
 * type, user agent, the signature, id and timestamp headers, the profile's event and constant
 * headers. Read off a request it built, so a profile's own names are never missed.
 */
export function builtHeaderNames(resolved: ResolvedProfile): ReadonlySet<string> {
  let found = names.get(resolved);
  if (!found) {
    const request = probeRequest(resolved, probeMessage('probe', {}));
    found = new Set(Object.keys(request.headers).map((name) => name.toLowerCase()));
    names.set(resolved, found);
  }
  return found;
}
