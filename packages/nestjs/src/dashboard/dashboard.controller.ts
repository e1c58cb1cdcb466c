import { Controller, Get, Header, Inject, NotFoundException, Param, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import { NoPoweredByInterceptor } from '../api/headers/no-powered-by.interceptor';
import { DashboardAssets } from './dashboard-assets';
import { dashboardCsp, DashboardHeaders } from './dashboard-headers.decorator';
import type { ResolvedDashboardOptions } from './dashboard-options';
import { dashboardPage } from './dashboard-page';
import { HOOKLINE_DASHBOARD_OPTIONS } from './dashboard.tokens';

/**
 * The dashboard page and its files, public: they hold no data. Every data call the page makes
 * goes to the REST API with the key the user signs in with.
 */
@ApiExcludeController()
@UseInterceptors(NoPoweredByInterceptor)
@Controller()
export class DashboardController {
  constructor(
    private readonly assets: DashboardAssets,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(HOOKLINE_DASHBOARD_OPTIONS) private readonly options: ResolvedDashboardOptions,
  ) {}

  @Get()
  @DashboardHeaders()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@Req() request: unknown, @Res({ passthrough: true }) response: unknown): string {
    // Replaces DashboardHeaders' policy, which allows no framing: the page is what a portal host frames.
    this.adapterHost.httpAdapter.setHeader(response, 'Content-Security-Policy', dashboardCsp(this.options.frameAncestors));
    const base = this.pathOf(request).replace(/\/+$/, '');
    // What precedes the dashboard's path is the app's global prefix, which no provider can read.
    const globalPrefix = base.slice(0, base.length - this.options.path.length - 1);
    const api = [globalPrefix, this.options.apiPrefix].filter(Boolean).join('/');
    return dashboardPage(this.assets.pageTemplate, { base, api: api.startsWith('/') ? api : `/${api}` });
  }

  @Get('assets/:file')
  @DashboardHeaders()
  asset(@Param('file') name: string): StreamableFile {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException(`No such dashboard file: ${name}`);
    return new StreamableFile(asset.body, { type: asset.contentType, length: asset.body.length });
  }

  private pathOf(request: unknown): string {
    return this.adapterHost.httpAdapter.getRequestUrl(request).split('?')[0];
  }
}
