import { BadRequestException, Injectable, InternalServerErrorException, Logger, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { MalformedWebhookError, WebhookReceiver, WebhookVerificationError } from '@hookline/engine';
import { rememberVerified, WEBHOOK_SENDER, type RequestWithRawBody } from './verified-request';

/**
 * Lets a request through only when its raw body carries a valid signature of the route's sender.
 * A refusal answers 401 with a generic body: which check failed (header, secret, timestamp) is a
 * hint for an attacker, so it goes only to the debug log, with the sender's name.
 */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  private readonly logger = new Logger('HooklineReceiver');

  constructor(
    private readonly receiver: WebhookReceiver,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const sender = this.reflector.get<string>(WEBHOOK_SENDER, context.getHandler());
    const request = context.switchToHttp().getRequest<RequestWithRawBody>();
    if (!Buffer.isBuffer(request.rawBody)) {
      this.logger.error(
        `HOOKLINE_RAW_BODY_REQUIRED: a ${sender} webhook arrived without its raw body, so its signature cannot be checked. Create the app with NestFactory.create(AppModule, { rawBody: true }).`,
      );
      throw new InternalServerErrorException();
    }
    try {
      rememberVerified(request, await this.receiver.verify(sender, { body: request.rawBody, headers: request.headers }));
      return true;
    } catch (error) {
      if (!(error instanceof WebhookVerificationError || error instanceof MalformedWebhookError)) throw error;
      this.logger.debug(`Refused a ${sender} webhook: ${error.code}: ${error.message}`);
      throw error instanceof MalformedWebhookError ? new BadRequestException('Malformed webhook.') : new UnauthorizedException();
    }
  }
}
