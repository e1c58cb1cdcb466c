import { Controller, Get, Header, Inject, NotFoundException, Param, Req, StreamableFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import type { HooklineRuntime } from '@hookline/engine';
import { ApiExcludeController, type OpenAPIObject } from '@nestjs/swagger';
import type { ResolvedApiOptions } from '../api-options';
import { DashboardHeaders } from '../../dashboard/dashboard-headers.decorator';
import { HOOKLINE_API_OPTIONS } from '../api.tokens';
import { HOOKLINE_RUNTIME } from '../../module/tokens';
import { HooklineExceptionFilter } from '../errors/hookline-exception.filter';
import { NoPoweredByInterceptor } from '../headers/no-powered-by.interceptor';
import { SubscriptionsController } from '../subscriptions/subscriptions.controller';
import { buildOpenApiDocument } from './openapi-document';
import { swaggerUiAsset, swaggerUiInit, swaggerUiPage } from './swagger-ui-assets';

/**
 * `/{prefix}/openapi.json` and the Swagger UI at `/{prefix}/docs`, public (no API key): the
 * contract is no secret. Routes of this controller, so they follow the app's global prefix.
 * People paste API keys into the UI, so its files get the dashboard's headers.
 */
@ApiExcludeController()
@UseFilters(HooklineExceptionFilter)
@UseInterceptors(NoPoweredByInterceptor)
@Controller()
export class OpenApiController {
  private readonly documents = new Map<string, OpenAPIObject>();

  constructor(
    private readonly modules: ModulesContainer,
    private readonly adapterHost: HttpAdapterHost,
    @Inject(HOOKLINE_API_OPTIONS) private readonly api: ResolvedApiOptions,
    @Inject(HOOKLINE_RUNTIME) private readonly runtime: HooklineRuntime,
  ) {}

  @Get('openapi.json')
  document(@Req() request: unknown): OpenAPIObject {
    // What precedes "/{prefix}/openapi.json" in the path is the app's global prefix, which no provider can read.
    const globalPrefix = this.pathOf(request).slice(0, -this.ownPath('openapi.json').length);
    let document = this.documents.get(globalPrefix);
    if (!document) {
      document = buildOpenApiDocument(this.modules, this.adapterHost, globalPrefix, SubscriptionsController, this.runtime);
      this.documents.set(globalPrefix, document);
    }
    return document;
  }

  @Get('docs')
  @DashboardHeaders()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(@Req() request: unknown): string {
    return swaggerUiPage(this.pathOf(request).replace(/\/+$/, ''));
  }

  @Get('docs/swagger-ui-init.js')
  @DashboardHeaders()
  @Header('Content-Type', 'application/javascript; charset=utf-8')
  init(@Req() request: unknown): string {
    return swaggerUiInit(this.pathOf(request).replace(/docs\/swagger-ui-init\.js$/, 'openapi.json'));
  }

  @Get('docs/:asset')
  @DashboardHeaders()
  asset(@Param('asset') name: string): StreamableFile {
    const asset = swaggerUiAsset(name);
    if (!asset) throw new NotFoundException(`No such docs asset: ${name}`);
    return new StreamableFile(asset.body, { type: asset.contentType });
  }

  private ownPath(route: string): string {
    return this.api.prefix ? `/${this.api.prefix}/${route}` : `/${route}`;
  }

  private pathOf(request: unknown): string {
    return this.adapterHost.httpAdapter.getRequestUrl(request).split('?')[0];
  }
}
