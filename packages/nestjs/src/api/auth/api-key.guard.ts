import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { WebhookApiKeys } from '@hookline/engine';
import { UnauthenticatedError } from '../errors/api-errors';
import { setApiCaller } from './api-caller';
import { presentedKey } from './presented-key';

/** The default authenticator: an API key from `WebhookApiKeys` in the Authorization header. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: WebhookApiKeys) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    const key = presentedKey(request.headers.authorization);
    if (!key) {
      throw new UnauthenticatedError('Send an API key in the Authorization header: "Authorization: <key>" or "Authorization: Bearer <key>".');
    }
    const found = await this.keys.authenticate(key);
    if (!found) throw new UnauthenticatedError('The API key is unknown or has been revoked.');
    setApiCaller(request, { tenant: found.tenant, scope: found.scope, id: found.id, expiresAt: found.expiresAt });
    return true;
  }
}
