import { Catch, Injectable, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { sendErrorReply } from './send-error-reply';

/**
 * The REST API's one exception filter: every error of its routes, the library's typed errors
 * included, becomes `{ errors: [{ status, code, title, detail, source }] }`. Scoped to the API's
 * controllers, so the host's own routes keep the host's error format.
 */
@Catch()
@Injectable()
export class HooklineExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HooklineApi');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    sendErrorReply(this.adapterHost.httpAdapter, host.switchToHttp().getResponse(), exception, this.logger);
  }
}
