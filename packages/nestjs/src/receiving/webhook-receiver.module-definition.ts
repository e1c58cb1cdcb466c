import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { SenderConfig } from '@hookline/engine';

export interface WebhookReceiverModuleOptions {
  /** Each sender whose webhooks this app accepts, by the name routes use in `@VerifyWebhook(name)`. */
  senders: Record<string, SenderConfig>;
}

export const {
  ConfigurableModuleClass: ConfigurableWebhookReceiverModule,
  MODULE_OPTIONS_TOKEN: WEBHOOK_RECEIVER_OPTIONS,
} = new ConfigurableModuleBuilder<WebhookReceiverModuleOptions>({ moduleName: 'WebhookReceiver' })
  .setClassMethodName('forRoot')
  // Global by default: `@VerifyWebhook` routes live in the host's own modules.
  .setExtras({ isGlobal: true }, (definition, extras) => ({ ...definition, global: extras.isGlobal }))
  .build();
