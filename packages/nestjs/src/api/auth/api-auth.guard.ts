import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { getStorageToken, type ThrottlerStorage } from '@nestjs/throttler';
import { lastValueFrom, isObservable } from 'rxjs';
import { API_KEY_SCOPES, PORTAL_TOKEN_PREFIX, WebhookPortal } from '@hookline/engine';
import type { ResolvedApiOptions } from '../api-options';
import { HOOKLINE_API_AUTHENTICATOR, HOOKLINE_API_OPTIONS } from '../api.tokens';
import { UnauthenticatedError } from '../errors/api-errors';
import { FailedAuthLimiter, type ClientExchange } from '../rate-limit/failed-auth-limiter';
import { getApiCaller, setApiCaller } from './api-caller';
import { presentedKey } from './presented-key';

/**
 * Accepts a portal session's `hlp_` token itself; otherwise runs the configured authenticator
 * (API keys, or the host's guard) and insists it named a caller with a tenant and a scope:
 * without one, no route can know whose rows to show. Every failure counts against the client
 * address's limit.
 */
@Injectable()
export class ApiAuthGuard implements CanActivate {
  private readonly failures: FailedAuthLimiter;

  constructor(
    @Inject(HOOKLINE_API_AUTHENTICATOR) private readonly authenticator: CanActivate,
    @Inject(getStorageToken()) storage: ThrottlerStorage,
    @Inject(HOOKLINE_API_OPTIONS) api: ResolvedApiOptions,
    private readonly portal: WebhookPortal,
  ) {
    this.failures = new FailedAuthLimiter(storage, api.rateLimit);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      return await this.authenticate(context);
    } catch (failure) {
      const http = context.switchToHttp();
      return this.failures.refuse({ request: http.getRequest(), response: http.getResponse() } as ClientExchange, failure);
    }
  }

  private async authenticate(context: ExecutionContext): Promise<boolean> {
    if (await this.portalSession(context.switchToHttp().getRequest())) return true;
    const verdict = this.authenticator.canActivate(context);
    const allowed = isObservable(verdict) ? await lastValueFrom(verdict) : await verdict;
    const caller = getApiCaller(context.switchToHttp().getRequest());
    if (!allowed || !caller) throw new UnauthenticatedError('The request is not authenticated.');
    if (typeof caller.tenant !== 'string' || caller.tenant.length === 0 || !API_KEY_SCOPES.includes(caller.scope)) {
      throw new UnauthenticatedError('The authentication guard set a caller without a tenant or with an unknown scope.');
    }
    return true;
  }

  /** Portal tokens are Hookline's own, so they are checked here whichever authenticator the host configured. */
  private async portalSession(request: { headers?: Record<string, string | string[] | undefined> }): Promise<boolean> {
    const token = presentedKey(request.headers?.authorization);
    if (!token?.startsWith(PORTAL_TOKEN_PREFIX)) return false;
    const session = await this.portal.authenticate(token);
    if (!session) {
      throw new UnauthenticatedError('This portal session has expired or been revoked: open the page that embeds the dashboard again for a new one.');
    }
    setApiCaller(request, { tenant: session.tenant, scope: session.scope, id: session.id, expiresAt: session.expiresAt });
    return true;
  }
}
