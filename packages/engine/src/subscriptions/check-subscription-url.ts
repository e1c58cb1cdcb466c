import { assertSafeUrl, assertUnambiguousUrl, type UrlGuardOptions } from '@hookline/core';

/**
 * What a subscription URL must pass before it is stored, at the API and in the service alike:
 * text every parser reads the same way, then the URL guard on what it parses to.
 */
export function checkSubscriptionUrl(url: string, guard: UrlGuardOptions): URL {
  assertUnambiguousUrl(url);
  return assertSafeUrl(url, guard);
}
