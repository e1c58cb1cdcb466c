import { applyDecorators, createParamDecorator, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { verifiedOf, WEBHOOK_SENDER, type RequestWithRawBody } from './verified-request';
import { WebhookSignatureGuard } from './webhook-signature.guard';

/** The route accepts only requests signed by `sender` (a name from WebhookReceiverModule's `senders`). */
export function VerifyWebhook(sender: string): MethodDecorator {
  return applyDecorators(SetMetadata(WEBHOOK_SENDER, sender), UseGuards(WebhookSignatureGuard));
}

/** The verified webhook of a `@VerifyWebhook` route: `{ sender, id, event }`, `event` the parsed body. */
export const WebhookEvent = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const verified = verifiedOf(context.switchToHttp().getRequest<RequestWithRawBody>());
  if (!verified) throw new Error('@WebhookEvent() is only available on a route with @VerifyWebhook(sender).');
  return verified;
});
