import type { INestApplication, Type } from '@nestjs/common';
import { ApplicationConfig, type HttpAdapterHost, type ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { API_KEY_SECURITY } from '../api.tokens';

const DESCRIPTION = `Manage webhook subscriptions and read the delivery log.

Authenticate with an API key in the Authorization header (\`Authorization: <key>\` or \`Authorization: Bearer <key>\`).
Read-only keys may only GET. Every error response is \`{ "errors": [{ status, code, title, detail, source }] }\`.`;

/**
 * The OpenAPI document of the API's routes only. SwaggerModule wants the Nest application,
 * which a module never holds, so it gets the three things its scanner reads: the modules,
 * the app's global prefix (read off the request, see OpenApiController) and the HTTP adapter.
 */
export function buildOpenApiDocument(modules: ModulesContainer, adapterHost: HttpAdapterHost, globalPrefix: string, apiController: Type): OpenAPIObject {
  const config = new ApplicationConfig();
  if (globalPrefix) config.setGlobalPrefix(globalPrefix);
  const app = { container: { getModules: () => modules }, config, getHttpAdapter: () => adapterHost.httpAdapter } as unknown as INestApplication;
  const include = [...modules.values()].filter((m) => m.controllers.has(apiController)).map((m) => m.metatype);
  const info = new DocumentBuilder()
    .setTitle('Hookline webhooks API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization', description: 'An API key, optionally after "Bearer ".' }, API_KEY_SECURITY)
    .build();
  return SwaggerModule.createDocument(app, info, { include });
}
