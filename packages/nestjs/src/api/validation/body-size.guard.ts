import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { ResolvedApiOptions } from '../api-options';
import { HOOKLINE_API_OPTIONS } from '../api.tokens';
import { RequestTooLargeError } from '../errors/api-errors';

/**
 * The API's own body limit, whatever limit the host gave its body parser: every API body is
 * small, and a large one is a mistake or an attack.
 */
@Injectable()
export class BodySizeGuard implements CanActivate {
  constructor(@Inject(HOOKLINE_API_OPTIONS) private readonly api: ResolvedApiOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; body?: unknown }>();
    const declared = Number(request.headers['content-length'] ?? 0);
    const size = Number.isFinite(declared) && declared > 0 ? declared : bodySize(request.body);
    if (size > this.api.maxBodyBytes) {
      throw new RequestTooLargeError(`The request body is ${size} bytes; the API accepts at most ${this.api.maxBodyBytes}.`);
    }
    return true;
  }
}

function bodySize(body: unknown): number {
  return body === undefined ? 0 : Buffer.byteLength(JSON.stringify(body) ?? '', 'utf8');
}
