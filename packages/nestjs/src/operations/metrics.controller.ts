import { Controller, Get, Headers, Inject, Res, UseInterceptors, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { NoPoweredByInterceptor } from '../api/headers/no-powered-by.interceptor';
import { HOOKLINE_RUNTIME } from '../module/tokens';
import type { HooklineRuntime } from '@hookline/engine';
import { mayReadOperationalFigures } from './metrics-access';
import { HOOKLINE_METRICS_OPTIONS, type ResolvedMetricsOptions } from './metrics-options';

/** `/{prefix}/metrics` in Prometheus' text format, behind a bearer token when one is configured. */
@ApiExcludeController()
@UseInterceptors(NoPoweredByInterceptor)
@Controller()
export class MetricsController {
  constructor(
    @Inject(HOOKLINE_RUNTIME) private readonly runtime: HooklineRuntime,
    @Inject(HOOKLINE_METRICS_OPTIONS) private readonly options: ResolvedMetricsOptions,
  ) {}

  @Get('metrics')
  async metrics(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void }) {
    if (!mayReadOperationalFigures(this.options, authorization)) {
      throw new UnauthorizedException('The metrics endpoint needs `Authorization: Bearer <metrics token>`.');
    }
    const { contentType, body } = await this.runtime.metrics.render();
    response.setHeader('content-type', contentType);
    return body;
  }
}
