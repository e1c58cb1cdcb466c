import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { lastValueFrom, isObservable } from 'rxjs';
import { API_KEY_SCOPES } from '../../api-keys/api-key-scope';
import { HOOKLINE_API_AUTHENTICATOR } from '../api.tokens';
import { UnauthenticatedError } from '../errors/api-errors';
import { getApiCaller } from './api-caller';

/**
 * Runs the configured authenticator (API keys, or the host's guard) and insists it named a
 * caller with a tenant and a scope: without one, no route can know whose rows to show.
 */
@Injectable()
export class ApiAuthGuard implements CanActivate {
  constructor(@Inject(HOOKLINE_API_AUTHENTICATOR) private readonly authenticator: CanActivate) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const verdict = this.authenticator.canActivate(context);
    const allowed = isObservable(verdict) ? await lastValueFrom(verdict) : await verdict;
    const caller = getApiCaller(context.switchToHttp().getRequest());
    if (!allowed || !caller) throw new UnauthenticatedError('The request is not authenticated.');
    if (typeof caller.tenant !== 'string' || caller.tenant.length === 0 || !API_KEY_SCOPES.includes(caller.scope)) {
      throw new UnauthenticatedError('The authentication guard set a caller without a tenant or with an unknown scope.');
    }
    return true;
  }
}
