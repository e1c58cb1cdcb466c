import type { HttpServer, LoggerService } from '@nestjs/common';
import { removePoweredBy } from '../headers/remove-powered-by';
import { errorReplyFor } from './error-document';

/** Answers `response` with the error document for `exception`, logging only unexpected errors. */
export function sendErrorReply(adapter: HttpServer, response: unknown, exception: unknown, logger: LoggerService): void {
  const { status, document, unexpected } = errorReplyFor(exception);
  if (unexpected) {
    logger.error(`Unexpected error while serving the webhooks API: ${(exception as Error)?.message}`, (exception as Error)?.stack);
  }
  removePoweredBy(response);
  adapter.reply(response, document, status);
}
