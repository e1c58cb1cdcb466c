import { Module, type DynamicModule } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { DashboardAssets } from './dashboard-assets';
import { DashboardController } from './dashboard.controller';
import type { ResolvedDashboardOptions } from './dashboard-options';
import { HOOKLINE_DASHBOARD_OPTIONS } from './dashboard.tokens';

/** Holds the dashboard's routes apart from WebhooksModule's, so they get their own path rather than the API prefix. */
@Module({})
export class HooklineDashboardModule {}

/** What WebhooksModule imports to serve the dashboard at its path; nothing when it is off. */
export function dashboardModuleParts(dashboard: ResolvedDashboardOptions): DynamicModule[] {
  if (!dashboard.enabled) return [];
  return [
    {
      module: HooklineDashboardModule,
      controllers: [DashboardController],
      providers: [{ provide: HOOKLINE_DASHBOARD_OPTIONS, useValue: dashboard }, { provide: DashboardAssets, useFactory: () => new DashboardAssets() }],
      imports: [RouterModule.register([{ path: dashboard.path, module: HooklineDashboardModule }])],
    },
  ];
}
