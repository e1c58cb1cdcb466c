import { assertInstalled } from '@hookline/core';
import type { DynamicModule, Type } from '@nestjs/common';
import type { ApiModuleParts } from '../api/api-module-parts';
import type { ResolvedApiOptions } from '../api/api-options';
import type { ResolvedDashboardOptions } from '../dashboard/dashboard-options';

/** What the REST API (and so the dashboard) loads: optional peers, needed only while `api` is enabled. */
export const API_PEER_PACKAGES = ['@nestjs/swagger', '@nestjs/throttler', 'class-validator', 'class-transformer'] as const;

const NO_API: ApiModuleParts = { controllers: [], providers: [], imports: [] };

/**
 * The API's controllers and providers, required only when it is mounted, so a worker-only
 * process (`api: { enabled: false }`) needs none of the API's packages installed.
 */
export function loadApiParts(api: ResolvedApiOptions, hostModule: Type): ApiModuleParts {
  if (!api.enabled) return NO_API;
  assertInstalled({ packages: API_PEER_PACKAGES, neededFor: 'The REST API (api.enabled, on by default)', pointer: '/api/enabled' }, require);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loads the optional peers checked above
  const { apiModuleParts } = require('../api/api-module-parts') as typeof import('../api/api-module-parts');
  return apiModuleParts(api, hostModule);
}

/** The dashboard's module, required only when it is served (it needs the API, checked by its options). */
export function loadDashboardParts(dashboard: ResolvedDashboardOptions): DynamicModule[] {
  if (!dashboard.enabled) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- its controller carries @nestjs/swagger decorators
  const { dashboardModuleParts } = require('../dashboard/dashboard-module-parts') as typeof import('../dashboard/dashboard-module-parts');
  return dashboardModuleParts(dashboard);
}
