import { Inject, Injectable } from '@nestjs/common';
import { isHooklineError } from '@hookline/core';
import { HOOKLINE_RUNTIME } from '../../module/tokens';
import { type HooklineRuntime, checkSubscriptionUrl } from '@hookline/engine';
import { InvalidRequestError, type RequestIssue } from '../errors/api-errors';

/**
 * The checks that need the module's configuration (URL guard, event catalog), run on a
 * well-formed body before the service sees it, so one 400 lists every bad field and every bad
 * event at once. The service checks again; these are the same core functions it calls.
 */
@Injectable()
export class SubscriptionRules {
  constructor(@Inject(HOOKLINE_RUNTIME) private readonly runtime: HooklineRuntime) {}

  check(input: { url?: string; events?: string[] }): void {
    const issues: RequestIssue[] = [];
    const { allowHttp, allowedHosts } = this.runtime.options.delivery;
    if (input.url !== undefined) this.collect(issues, '/url', () => checkSubscriptionUrl(input.url!, { allowHttp, allowedHosts }));
    input.events?.forEach((event, index) =>
      this.collect(issues, `/events/${index}`, () => this.runtime.options.catalog.validateFilter(event, `/events/${index}`)),
    );
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
