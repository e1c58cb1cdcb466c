import type { INestApplication, Type } from '@nestjs/common';
import { ApplicationConfig, type HttpAdapterHost, type ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { HooklineRuntime } from '@hookline/engine';
import { API_KEY_SECURITY } from '../api.tokens';
import { buildWebhooksSection } from './webhooks-section';

const DESCRIPTION = `Manage webhook subscriptions and read the delivery log.

Authenticate with an API key in the Authorization header (\`Authorization: <key>\` or \`Authorization: Bearer <key>\`),
or with a portal session's token (\`hlp_…\`, from \`POST /v1/portal-sessions\`), which expires and sees one tenant.
Read-only keys and read sessions may only GET. Every error response is \`{ "errors": [{ status, code, title, detail, source }] }\`.

The \`webhooks\` section is the other direction: one entry per event type, the POST a subscription's URL receives
(headers, envelope and payload schema, an example), for generating a receiver's types and mocks.`;

/**
 * The OpenAPI 3.1 document of the API's routes, and of the webhooks the catalog sends. SwaggerModule
 * wants the Nest application, which a module never holds, so it gets the three things its
 * scanner reads: the modules, the app's global prefix (read off the request, see
 * OpenApiController) and the HTTP adapter.
 */
export function buildOpenApiDocument(
  modules: ModulesContainer,
  adapterHost: HttpAdapterHost,
  globalPrefix: string,
  apiController: Type,
  runtime: HooklineRuntime,
): OpenAPIObject {
  const config = new ApplicationConfig();
  if (globalPrefix) config.setGlobalPrefix(globalPrefix);
  const app = { container: { getModules: () => modules }, config, getHttpAdapter: () => adapterHost.httpAdapter } as unknown as INestApplication;
  const include = [...modules.values()].filter((m) => m.controllers.has(apiController)).map((m) => m.metatype);
  const info = new DocumentBuilder()
    .setTitle('Hookline webhooks API')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .setOpenAPIVersion('3.1.0')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization', description: 'An API key or a portal session token, optionally after "Bearer ".' }, API_KEY_SECURITY)
    .build();
  const document = SwaggerModule.createDocument(app, info, { include });
  // Added after createDocument, which rewrites schemas for OAS 3.1: the catalog's are JSON Schema already.
  const schemas = (document.components ??= {}).schemas ??= {};
  const section = buildWebhooksSection(runtime.options.catalog, runtime.profiles.defaultProfile, new Set(Object.keys(schemas)));
  Object.assign(schemas, section.schemas);
  document.webhooks = section.webhooks;
  return document;
}
