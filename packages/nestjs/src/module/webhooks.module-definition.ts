import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { WebhooksModuleOptions } from './webhooks-module-options';

export interface WebhooksModuleExtras {
  /** The name of the host's TypeORM DataSource, when it is not the default one. */
  dataSource?: string;
  isGlobal?: boolean;
}

export const {
  ConfigurableModuleClass: ConfigurableWebhooksModule,
  MODULE_OPTIONS_TOKEN: WEBHOOKS_MODULE_OPTIONS,
  OPTIONS_TYPE: WEBHOOKS_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: WEBHOOKS_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<WebhooksModuleOptions>({ moduleName: 'Webhooks' })
  .setClassMethodName('forRoot')
  .setExtras<WebhooksModuleExtras>({ dataSource: undefined, isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
