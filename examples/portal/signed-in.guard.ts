import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';

/** The signed-in user of the host's own app: which shop they belong to and whether they may change its settings. */
export interface SignedInRequest {
  user: { shopId: string; isOwner: boolean };
}

/**
 * Stands in for the host's own authentication (its session cookie, its JWT…) so the example runs:
 * here a test sets the user in headers. Never trust headers like these in a real app.
 */
@Injectable()
export class SignedInGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> } & Partial<SignedInRequest>>();
    const shopId = request.headers['x-example-shop'];
    if (!shopId) return false;
    request.user = { shopId, isOwner: request.headers['x-example-role'] === 'owner' };
    return true;
  }
}
