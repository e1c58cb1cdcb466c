import type { DynamicModule, Provider, Type } from '@nestjs/common';
import type { ResolvedApiOptions } from './api-options';
import { HOOKLINE_API_AUTHENTICATOR, HOOKLINE_API_OPTIONS } from './api.tokens';
import { ApiAuthGuard } from './auth/api-auth.guard';
import { ApiKeyGuard } from './auth/api-key.guard';
import { WriteScopeGuard } from './auth/write-scope.guard';
import { CallerController } from './caller/caller.controller';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { OpenApiController } from './docs/openapi.controller';
import { BodyParseErrors } from './errors/body-parse-errors';
import { HooklineExceptionFilter } from './errors/hookline-exception.filter';
import { EventTypesController } from './event-types/event-types.controller';
import { MessagesController } from './messages/messages.controller';
import { PortalSessionsController } from './portal-sessions/portal-sessions.controller';
import { rateLimitProviders } from './rate-limit/rate-limit-providers';
import { SubscriptionActionsController } from './subscriptions/subscription-actions.controller';
import { SubscriptionRules } from './subscriptions/subscription-rules';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { ApiValidationPipe } from './validation/api-validation.pipe';
import { HealthController } from '../operations/health.controller';
import { MetricsController } from '../operations/metrics.controller';
import { HOOKLINE_METRICS_OPTIONS } from '../operations/metrics-options';
import { BodySizeGuard } from './validation/body-size.guard';

export interface ApiModuleParts {
  controllers: Type[];
  providers: Provider[];
  imports: NonNullable<DynamicModule['imports']>;
}

/** The controllers and providers WebhooksApiModule holds, as the API options say. */
export function apiModuleParts(api: ResolvedApiOptions): ApiModuleParts {
  return {
    controllers: [
      SubscriptionsController,
      SubscriptionActionsController,
      DeliveriesController,
      MessagesController,
      EventTypesController,
      CallerController,
      PortalSessionsController,
      ...(api.docs ? [OpenApiController] : []),
      ...(api.health ? [HealthController] : []),
      ...(api.metrics.enabled ? [MetricsController] : []),
    ],
    providers: [
      { provide: HOOKLINE_API_OPTIONS, useValue: api },
      { provide: HOOKLINE_API_AUTHENTICATOR, useClass: api.guard ?? ApiKeyGuard },
      ApiAuthGuard,
      WriteScopeGuard,
      BodySizeGuard,
      ApiValidationPipe,
      HooklineExceptionFilter,
      BodyParseErrors,
      SubscriptionRules,
      { provide: HOOKLINE_METRICS_OPTIONS, useValue: api.metrics },
      ...rateLimitProviders(api),
    ],
    imports: [...api.imports],
  };
}
