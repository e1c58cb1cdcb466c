import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { removePoweredBy } from './remove-powered-by';

/** Successful answers of the module's routes without `X-Powered-By`; error answers drop it in `sendErrorReply`. */
@Injectable()
export class NoPoweredByInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    removePoweredBy(context.switchToHttp().getResponse());
    return next.handle();
  }
}
