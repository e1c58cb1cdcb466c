import { Module, type DynamicModule } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { DashboardAssets } from './dashboard-assets';
import { DashboardController } from './dashboard.controller';
import type { ResolvedDashboardOptions } from './dashboard-options';
import { HOOKLINE_DASHBOARD_OPTIONS } from './dashboard.tokens';

/** The dashboard's page and files, at a path of their own rather than under the API prefix. */
@Module({})
export class WebhooksDashboardModule {
  static register(dashboard: ResolvedDashboardOptions): DynamicModule {
    return {
      module: WebhooksDashboardModule,
      controllers: [DashboardController],
      providers: [{ provide: HOOKLINE_DASHBOARD_OPTIONS, useValue: dashboard }, { provide: DashboardAssets, useFactory: () => new DashboardAssets() }],
      imports: [RouterModule.register([{ path: dashboard.path, module: WebhooksDashboardModule }])],
    };
  }
}
