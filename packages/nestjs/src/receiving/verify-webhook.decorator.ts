import { applyDecorators, createParamDecorator, SetMetadata, UseGuards, UseInterceptors, type ExecutionContext } from '@nestjs/common';
import { verifiedOf, WEBHOOK_ONCE, WEBHOOK_SENDER, type RequestWithRawBody } from './verified-request';
import { WebhookOnceInterceptor } from './webhook-once.interceptor';
import { WebhookSignatureGuard } from './webhook-signature.guard';

export interface VerifyWebhookOptions {
  /**
   * Run the handler once per sender and event id (the module's `inbox`): a redelivery, or a copy
   * arriving while the first runs, answers 2xx without running it. `@WebhookEvent().manager` is the
   * transaction the id is recorded in.
   */
  once?: boolean;
}

/** The route accepts only requests signed by `sender` (a name from WebhookReceiverModule's `senders`). */
export function VerifyWebhook(sender: string, options: VerifyWebhookOptions = {}): MethodDecorator {
  const verify = [SetMetadata(WEBHOOK_SENDER, sender), UseGuards(WebhookSignatureGuard)];
  return applyDecorators(...verify, ...(options.once ? [SetMetadata(WEBHOOK_ONCE, true), UseInterceptors(WebhookOnceInterceptor)] : []));
}

/** The verified webhook of a `@VerifyWebhook` route: `{ sender, id, event, manager? }`, `event` the parsed body. */
export const WebhookEvent = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const verified = verifiedOf(context.switchToHttp().getRequest<RequestWithRawBody>());
  if (!verified) throw new Error('@WebhookEvent() is only available on a route with @VerifyWebhook(sender).');
  return verified;
});
