import { Controller, Get, Headers, Inject, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { NoPoweredByInterceptor } from '../api/headers/no-powered-by.interceptor';
import { HOOKLINE_RUNTIME } from '../module/tokens';
import type { HooklineRuntime } from '@hookline/engine';
import { mayReadOperationalFigures } from './metrics-access';
import { HOOKLINE_METRICS_OPTIONS, type ResolvedMetricsOptions } from './metrics-options';

/**
 * `/{prefix}/health` for load balancers and orchestrators: 200 when up, 503 naming the failing
 * check. Anyone sees which checks are up; their details (queue counts, sweeper timing) need
 * what metrics need.
 */
@ApiExcludeController()
@UseInterceptors(NoPoweredByInterceptor)
@Controller()
export class HealthController {
  constructor(
    @Inject(HOOKLINE_RUNTIME) private readonly runtime: HooklineRuntime,
    @Inject(HOOKLINE_METRICS_OPTIONS) private readonly metrics: ResolvedMetricsOptions,
  ) {}

  @Get('health')
  async check(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) response: { status(code: number): unknown }) {
    const report = await this.runtime.health(mayReadOperationalFigures(this.metrics, authorization));
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
