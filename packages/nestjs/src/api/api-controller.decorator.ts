import { applyDecorators, Controller, UseFilters, UseGuards, UseInterceptors, UsePipes } from '@nestjs/common';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import { API_KEY_SECURITY } from './api.tokens';
import { ApiAuthGuard } from './auth/api-auth.guard';
import { WriteScopeGuard } from './auth/write-scope.guard';
import { ApiErrors } from './docs/api-errors.decorator';
import { HooklineExceptionFilter } from './errors/hookline-exception.filter';
import { NoPoweredByInterceptor } from './headers/no-powered-by.interceptor';
import { ApiRateLimitGuard } from './rate-limit/api-rate-limit.guard';
import { ApiValidationPipe } from './validation/api-validation.pipe';
import { BodySizeGuard } from './validation/body-size.guard';
import { JsonBodyGuard } from './validation/json-body.guard';

/**
 * Everything an API controller shares, in the order it applies: authenticate (401), count
 * against the caller's rate limit (429), check the scope (403), insist on JSON (415), check the
 * body size (413), validate (400), and answer every error in the API's error format.
 */
export function ApiController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(path),
    ApiTags(tag),
    ApiSecurity(API_KEY_SECURITY),
    UseFilters(HooklineExceptionFilter),
    UseGuards(ApiAuthGuard, ApiRateLimitGuard, WriteScopeGuard, JsonBodyGuard, BodySizeGuard),
    UsePipes(ApiValidationPipe),
    UseInterceptors(NoPoweredByInterceptor),
    ApiErrors(401, 429, 500),
  );
}
