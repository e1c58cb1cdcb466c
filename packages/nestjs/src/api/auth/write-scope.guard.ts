import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ReadOnlyKeyError } from '../errors/api-errors';
import { getApiCaller } from './api-caller';
import { isReadMethod } from './read-method';

/** Any method but GET/HEAD/OPTIONS changes something, so it needs a `write` caller. */
@Injectable()
export class WriteScopeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ method: string }>();
    if (isReadMethod(request.method)) return true;
    if (getApiCaller(request)?.scope !== 'write') {
      throw new ReadOnlyKeyError('This API key is read-only; use a key with scope "write" to make changes.');
    }
    return true;
  }
}
