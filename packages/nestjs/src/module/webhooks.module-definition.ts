import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { hooklineEntities } from '@hookline/engine';
import type { WebhooksApiOptions } from '../api/api-options';
import type { WebhooksDashboardOptions } from '../dashboard/dashboard-options';
import type { WebhooksModuleOptions } from './webhooks-module-options';

export interface WebhooksModuleExtras {
  /**
   * Several instances in one app (on different DataSources) each take a name; inject theirs with
   * `@InjectWebhookPublisher(name)` or `getWebhookPublisherToken(name)`. The unnamed one is the default.
   */
  name?: string;
  /** The name of the host's TypeORM DataSource, when it is not the default one. */
  dataSource?: string;
  /**
   * The entities registered on that DataSource: HOOKLINE_ENTITIES by default, HOOKLINE_MYSQL_ENTITIES
   * on MySQL and MariaDB, `hooklineEntities({ schema })` or `hooklineEntities({ tablePrefix })` with
   * forRootAsync and tables placed by `database` (forRoot places them itself). An extra because
   * TypeORM needs them before the DataSource exists.
   */
  entities?: ReturnType<typeof hooklineEntities>;
  isGlobal?: boolean;
  /**
   * The REST API (mounted by default under `/v1`). An extra rather than an option because it
   * decides which controllers exist: with `forRootAsync` pass it beside `useFactory`.
   */
  api?: WebhooksApiOptions;
  /** The dashboard page (served by default where the API is, at `/{api prefix}/dashboard`); an extra like `api`. */
  dashboard?: WebhooksDashboardOptions;
}

export const {
  ConfigurableModuleClass: ConfigurableWebhooksModule,
  MODULE_OPTIONS_TOKEN: WEBHOOKS_MODULE_OPTIONS,
  OPTIONS_TYPE: WEBHOOKS_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: WEBHOOKS_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<WebhooksModuleOptions>({ moduleName: 'Webhooks' })
  .setClassMethodName('forRoot')
  .setExtras<WebhooksModuleExtras>(
    { name: undefined, dataSource: undefined, entities: undefined, isGlobal: true, api: undefined, dashboard: undefined },
    (definition, extras) => ({
      ...definition,
      global: extras.isGlobal,
    }),
  )
  .build();
