import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { isReadMethod } from '../auth/read-method';
import { UnsupportedMediaTypeError } from '../errors/api-errors';

// application/json, or a structured-syntax type such as application/merge-patch+json, with any parameters.
const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

interface WriteRequest {
  method: string;
  headers: Record<string, string | undefined>;
  body?: unknown;
}

/**
 * Writes take JSON only. Browsers send form and text bodies across sites without asking, so a
 * host whose `api.guard` reads a cookie would otherwise take a forged write from any page.
 * A write with neither a body nor a Content-Type (`POST …/test`) is fine.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<WriteRequest>();
    if (isReadMethod(request.method)) return true;
    const type = request.headers['content-type'];
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (type === undefined && !hasBody) return true;
    // A +json type the host's body parser does not read would reach the route as "no fields".
    if (type !== undefined && JSON_TYPE.test(type) && (!hasBody || request.body !== undefined)) return true;
    const got = type === undefined ? 'a body without a Content-Type' : `Content-Type ${type.slice(0, 100)}`;
    throw new UnsupportedMediaTypeError(`The API reads JSON request bodies only, not ${got}: send the body with Content-Type: application/json.`);
  }
}
