import { Inject, Injectable } from '@nestjs/common';
import { isHooklineError } from '@hookline/core';
import { HOOKLINE_RUNTIME } from '../../module/tokens';
import { builtHeaderNames, type HooklineRuntime, checkSubscriptionUrl, subscriptionHeaderIssues, InvalidSubscriptionHeaderError, InvalidRateLimitError } from '@hookline/engine';
import { InvalidRequestError, type RequestIssue } from '../errors/api-errors';
import { rateLimitBodyIssue } from './rate-limit-body';

/**
 * The checks that need the module's configuration (URL guard, event catalog, profiles), run on a
 * well-formed body before the service sees it, so one 400 lists every bad field, event and
 * header at once. The service checks again; these are the same functions it calls.
 */
const HEADER_ISSUE_CODE = new InvalidSubscriptionHeaderError('').code;
const RATE_LIMIT_ISSUE_CODE = new InvalidRateLimitError('').code;

@Injectable()
export class SubscriptionRules {
  constructor(@Inject(HOOKLINE_RUNTIME) private readonly runtime: HooklineRuntime) {}

  /**
   * `profile` is the subscription's profile when known (null: the module's), so headers are judged
   * by the names it sets; left undefined (an update that keeps the profile), the service judges those.
   */
  check(input: { url?: string; events?: string[]; headers?: unknown; rate_limit?: unknown }, { profile }: { profile?: string | null } = {}): void {
    const issues: RequestIssue[] = [];
    const { allowHttp, allowedHosts } = this.runtime.options.delivery;
    if (input.url !== undefined) this.collect(issues, '/url', () => checkSubscriptionUrl(input.url!, { allowHttp, allowedHosts }));
    input.events?.forEach((event, index) =>
      this.collect(issues, `/events/${index}`, () => this.runtime.options.catalog.validateFilter(event, `/events/${index}`)),
    );
    const profiles = this.runtime.profiles;
    const built = profile === undefined || (profile !== null && !profiles.has(profile)) ? undefined : builtHeaderNames(profiles.forSubscription(profile));
    for (const { pointer, detail } of subscriptionHeaderIssues(input.headers, built)) issues.push({ code: HEADER_ISSUE_CODE, detail, pointer });
    const rateIssue = rateLimitBodyIssue(input.rate_limit);
    if (rateIssue) issues.push({ code: RATE_LIMIT_ISSUE_CODE, ...rateIssue });
    if (issues.length > 0) throw new InvalidRequestError(issues);
  }

  private collect(issues: RequestIssue[], pointer: string, check: () => unknown): void {
    try {
      check();
    } catch (error) {
      if (!isHooklineError(error)) throw error;
      issues.push({ code: error.code, detail: error.message, pointer });
    }
  }
}
