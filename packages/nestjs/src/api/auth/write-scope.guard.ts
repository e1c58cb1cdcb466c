import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ReadOnlyKeyError } from '../errors/api-errors';
import { getApiCaller } from './api-caller';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Any method but GET/HEAD/OPTIONS changes something, so it needs a `write` caller. */
@Injectable()
export class WriteScopeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ method: string }>();
    if (READ_METHODS.has(request.method.toUpperCase())) return true;
    if (getApiCaller(request)?.scope !== 'write') {
      throw new ReadOnlyKeyError('This API key is read-only; use a key with scope "write" to make changes.');
    }
    return true;
  }
}
