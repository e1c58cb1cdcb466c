import { Module, type DynamicModule } from '@nestjs/common';
import { hooklineEntities, placeEntities, WebhooksConfigError, type TablePlacement } from '@hookline/engine';
import { resolveApiOptions } from '../api/api-options';
import { resolveDashboardOptions } from '../dashboard/dashboard-options';
import { loadApiModule, loadDashboardModule } from './load-api-modules';
import { isDefaultInstance } from './tokens';
import { WebhooksCoreModule } from './webhooks-core.module';
import { ConfigurableWebhooksModule, WEBHOOKS_ASYNC_OPTIONS_TYPE, WEBHOOKS_OPTIONS_TYPE, type WebhooksModuleExtras } from './webhooks.module-definition';

/**
 * Outbound webhooks for a Nest app: `WebhooksModule.forRoot(options)` or `forRootAsync(...)`.
 * The host owns the TypeORM DataSource; the module registers its entities on it, and mounts
 * the REST API (WebhooksApiModule) unless `api.enabled` is false, and the dashboard
 * (WebhooksDashboardModule) beside it. The instance itself is WebhooksCoreModule, re-exported.
 */
@Module({})
export class WebhooksModule extends ConfigurableWebhooksModule {
  static forRoot(options: typeof WEBHOOKS_OPTIONS_TYPE): DynamicModule {
    return WebhooksModule.around(super.forRoot(options), { ...options, entities: placedEntities(options.entities, options.database) });
  }

  static forRootAsync(options: typeof WEBHOOKS_ASYNC_OPTIONS_TYPE): DynamicModule {
    return WebhooksModule.around(super.forRootAsync(options), options);
  }

  private static around(options: DynamicModule, extras: WebhooksModuleExtras): DynamicModule {
    const core = WebhooksCoreModule.create(options, extras);
    const named = !isDefaultInstance(extras.name);
    // A named instance serves no HTTP unless asked: two APIs under one prefix would shadow each other.
    const apiOptions = resolveApiOptions(named && extras.api === undefined ? { enabled: false } : extras.api);
    if (named && apiOptions.enabled) {
      throw new WebhooksConfigError(
        `WebhooksModule "${extras.name}": the REST API and dashboard mount on the default (unnamed) instance only; give this one \`api: { enabled: false }\` or leave \`api\` out.`,
        { pointer: '/api/enabled' },
      );
    }
    return {
      module: WebhooksModule,
      global: extras.isGlobal,
      imports: [core, ...loadApiModule(apiOptions, core), ...loadDashboardModule(resolveDashboardOptions(extras.dashboard, apiOptions))],
      exports: [core],
    };
  }
}

// forRoot knows `database` before the DataSource exists, so it registers the entities where it puts the
// tables; forRootAsync's options come later, so there the host passes `entities: hooklineEntities(…)`.
function placedEntities(entities: WebhooksModuleExtras['entities'], database: TablePlacement | undefined): WebhooksModuleExtras['entities'] {
  const placement = { schema: database?.schema, tablePrefix: database?.tablePrefix };
  if (placement.schema === undefined && placement.tablePrefix === undefined) return entities;
  return entities ? placeEntities(entities, placement) : hooklineEntities(placement);
}
