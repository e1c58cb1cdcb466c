import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ReceiverConfigError, WebhookReceiver } from '@hookline/engine';
import { ConfigurableWebhookReceiverModule, WEBHOOK_RECEIVER_OPTIONS, type WebhookReceiverModuleOptions } from './webhook-receiver.module-definition';
import { WEBHOOK_SENDER } from './verified-request';
import { WebhookSignatureGuard } from './webhook-signature.guard';

/**
 * Receiving webhooks: `WebhookReceiverModule.forRoot({ senders })` (or `forRootAsync`), then
 * `@VerifyWebhook('payments')` on a route and `@WebhookEvent()` on its parameter.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: WebhookReceiver,
      // Options are checked here, so an unknown scheme or a sender without a secret stops start-up.
      useFactory: (options: WebhookReceiverModuleOptions) => new WebhookReceiver(options?.senders),
      inject: [WEBHOOK_RECEIVER_OPTIONS],
    },
    WebhookSignatureGuard,
  ],
  exports: [WebhookReceiver, WebhookSignatureGuard],
})
export class WebhookReceiverModule extends ConfigurableWebhookReceiverModule implements OnApplicationBootstrap {
  constructor(
    @Inject(WebhookReceiver) private readonly receiver: WebhookReceiver,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {
    super();
  }

  /** A route naming a sender nobody configured would refuse every request: say so at start-up instead. */
  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getControllers()) {
      const prototype = wrapper.metatype?.prototype;
      if (!prototype) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const sender = this.reflector.get<string | undefined>(WEBHOOK_SENDER, prototype[method]);
        if (sender !== undefined && !this.receiver.has(sender)) {
          throw new ReceiverConfigError(
            `${wrapper.name}.${method} has @VerifyWebhook('${sender}'), but WebhookReceiverModule has no sender "${sender}" (it has ${this.receiver.senderNames.join(', ')}).`,
          );
        }
      }
    }
  }
}
