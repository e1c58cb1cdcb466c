import { Inject, Logger, Module, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ReceiverConfigError, WebhookInbox, WebhookReceiver } from '@hookline/engine';
import { ConfigurableWebhookReceiverModule, WEBHOOK_RECEIVER_OPTIONS, type WebhookReceiverModuleOptions } from './webhook-receiver.module-definition';
import { WEBHOOK_ONCE, WEBHOOK_SENDER } from './verified-request';
import { WebhookOnceInterceptor } from './webhook-once.interceptor';
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
    WebhookOnceInterceptor,
  ],
  exports: [WebhookReceiver, WebhookSignatureGuard, WebhookOnceInterceptor],
})
export class WebhookReceiverModule extends ConfigurableWebhookReceiverModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('HooklineReceiver');

  constructor(
    @Inject(WebhookReceiver) private readonly receiver: WebhookReceiver,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Optional() private readonly inbox?: WebhookInbox,
  ) {
    super();
  }

  /** Checks the routes, then prunes the inbox's old ids while the app runs. */
  onApplicationBootstrap(): void {
    this.checkRoutes();
    this.inbox?.start((error) => this.logger.warn(`Pruning the webhook inbox failed (${(error as Error).message}); the next interval will try again.`));
  }

  onApplicationShutdown(): void {
    this.inbox?.stop();
  }

  /** A route naming a sender nobody configured, or asking for an inbox there is none of, would fail every request: say so at start-up instead. */
  private checkRoutes(): void {
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
        if (this.reflector.get<boolean | undefined>(WEBHOOK_ONCE, prototype[method]) && !this.inbox) {
          throw new ReceiverConfigError(
            `${wrapper.name}.${method} has @VerifyWebhook('${sender}', { once: true }), but WebhookReceiverModule has no inbox: pass \`inbox: true\` (or \`inbox: { dataSource }\`) to WebhookReceiverModule.forRoot.`,
          );
        }
      }
    }
  }
}
