import { Controller, HttpCode, Module, Post } from '@nestjs/common';
import { VerifyWebhook, WebhookEvent, WebhookReceiverModule, type VerifiedWebhook } from '@hookline/nestjs';

@Controller('webhooks')
export class PaymentsWebhooksController {
  readonly handled: string[] = [];

  @Post('stripe')
  @HttpCode(200)
  @VerifyWebhook('stripe') // 401 for a bad signature, 400 for a malformed request; the handler never sees either
  stripe(@WebhookEvent() { id, event }: VerifiedWebhook) {
    this.handled.push(`${id} ${(event as { type: string }).type}`);
    return { received: true };
  }

  @Post('shop')
  @HttpCode(200)
  @VerifyWebhook('shop')
  shop(@WebhookEvent() { id }: VerifiedWebhook) {
    this.handled.push(`${id} from the shop`);
    return { received: true };
  }
}

@Module({
  imports: [
    WebhookReceiverModule.forRoot({
      senders: {
        stripe: { scheme: 'stripe', secrets: [process.env.STRIPE_WEBHOOK_SECRET ?? ''] },
        // Secrets may come from a function, asked on every request: newest first while rotating.
        shop: { scheme: 'shopify', secrets: async () => [process.env.SHOPIFY_CLIENT_SECRET ?? ''] },
      },
    }),
  ],
  controllers: [PaymentsWebhooksController],
})
export class PaymentsWebhooksModule {}
