import { assertInstalled } from '@hookline/core';
import type { DynamicModule } from '@nestjs/common';
import type { ResolvedApiOptions } from '../api/api-options';
import type { ResolvedDashboardOptions } from '../dashboard/dashboard-options';

/** What the REST API (and so the dashboard) loads: optional peers, needed only while `api` is enabled. */
export const API_PEER_PACKAGES = ['@nestjs/swagger', '@nestjs/throttler', 'class-validator', 'class-transformer'] as const;

/**
 * WebhooksApiModule, required only when the API is mounted, so a worker-only process
 * (`api: { enabled: false }`) needs none of the API's packages installed.
 */
export function loadApiModule(api: ResolvedApiOptions, core: DynamicModule): DynamicModule[] {
  if (!api.enabled) return [];
  assertInstalled({ packages: API_PEER_PACKAGES, neededFor: 'The REST API (api.enabled, on by default)', pointer: '/api/enabled' }, require);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the optional peers checked above
  const { WebhooksApiModule } = require('../api/webhooks-api.module') as typeof import('../api/webhooks-api.module');
  return [WebhooksApiModule.register(api, core)];
}

/** WebhooksDashboardModule, required only when the dashboard is served (it needs the API, checked by its options). */
export function loadDashboardModule(dashboard: ResolvedDashboardOptions): DynamicModule[] {
  if (!dashboard.enabled) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- its controller carries @nestjs/swagger decorators
  const { WebhooksDashboardModule } = require('../dashboard/webhooks-dashboard.module') as typeof import('../dashboard/webhooks-dashboard.module');
  return [WebhooksDashboardModule.register(dashboard)];
}
