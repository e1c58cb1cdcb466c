import { ConfigurableModuleBuilder, type Provider } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { createWebhookInbox, WebhookInbox, WebhookInboxEntity, type InboxRetention, type SenderConfig } from '@hookline/engine';
import type { DataSource } from 'typeorm';

export interface WebhookReceiverModuleOptions {
  /** Each sender whose webhooks this app accepts, by the name routes use in `@VerifyWebhook(name)`. */
  senders: Record<string, SenderConfig>;
}

/** Where the inbox of `@VerifyWebhook(sender, { once: true })` routes keeps received event ids. */
export interface WebhookInboxModuleOptions {
  /** The name of the host's TypeORM DataSource, when it is not the default one. */
  dataSource?: string;
  /** How long ids are remembered (default 30 days) and how often older ones are deleted (default hourly). */
  retention?: Partial<InboxRetention>;
}

export interface WebhookReceiverModuleExtras {
  isGlobal?: boolean;
  /**
   * The inbox (table `webhook_inbox` on the host's DataSource) that `once: true` routes and an
   * injected `WebhookInbox` use. An extra because TypeORM registers its entity before options resolve.
   */
  inbox?: true | WebhookInboxModuleOptions;
}

function inboxModule(inbox: true | WebhookInboxModuleOptions | undefined) {
  if (!inbox) return { imports: [], providers: [] };
  const { dataSource, retention } = inbox === true ? ({} as WebhookInboxModuleOptions) : inbox;
  const provider: Provider = {
    provide: WebhookInbox,
    useFactory: (source: DataSource) => createWebhookInbox(source, { retention }),
    inject: [getDataSourceToken(dataSource)],
  };
  return { imports: [TypeOrmModule.forFeature([WebhookInboxEntity], dataSource)], providers: [provider] };
}

export const {
  ConfigurableModuleClass: ConfigurableWebhookReceiverModule,
  MODULE_OPTIONS_TOKEN: WEBHOOK_RECEIVER_OPTIONS,
} = new ConfigurableModuleBuilder<WebhookReceiverModuleOptions>({ moduleName: 'WebhookReceiver' })
  .setClassMethodName('forRoot')
  // Global by default: `@VerifyWebhook` routes live in the host's own modules.
  .setExtras<WebhookReceiverModuleExtras>({ isGlobal: true, inbox: undefined }, (definition, extras) => {
    const inbox = inboxModule(extras.inbox);
    return {
      ...definition,
      global: extras.isGlobal,
      imports: [...(definition.imports ?? []), ...inbox.imports],
      providers: [...(definition.providers ?? []), ...inbox.providers],
      exports: [...(definition.exports ?? []), ...inbox.providers.map(() => WebhookInbox)],
    };
  })
  .build();
