import { BadRequestException, Injectable, Logger, Optional, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { WebhookInbox } from '@hookline/engine';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { verifiedOf, type RequestWithRawBody } from './verified-request';

/**
 * Runs a verified webhook's handler once per sender and event id: the id is recorded in a
 * transaction that commits when the handler returns and rolls back when it throws (the sender's
 * retry then runs it again). A redelivery answers 2xx with `{ duplicate: true }`, unhandled.
 */
@Injectable()
export class WebhookOnceInterceptor implements NestInterceptor {
  private readonly logger = new Logger('HooklineReceiver');

  constructor(@Optional() private readonly inbox?: WebhookInbox) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const verified = verifiedOf(context.switchToHttp().getRequest<RequestWithRawBody>());
    if (!verified || !this.inbox) throw new Error('once: true needs @VerifyWebhook and WebhookReceiverModule.forRoot({ …, inbox: true }).');
    if (!verified.id) {
      this.logger.warn(`A ${verified.sender} webhook carries no event id, so it cannot be handled once: give the sender an \`eventId\` in WebhookReceiverModule.`);
      throw new BadRequestException('Webhook without an event id.');
    }
    const inbox = this.inbox;
    return from(
      inbox
        .processOnce({ sender: verified.sender, id: verified.id }, (manager) => {
          verified.manager = manager;
          return lastValueFrom(next.handle(), { defaultValue: undefined });
        })
        .then((outcome) => {
          if (outcome.processed) return outcome.result;
          this.logger.debug(`Skipped a redelivered ${verified.sender} webhook ${verified.id}.`);
          return { duplicate: true };
        }),
    );
  }
}
