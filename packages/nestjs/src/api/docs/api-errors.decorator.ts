import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ApiErrorDocumentSchema } from '../errors/error.schemas';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: one error per invalid field (missing or malformed values, unknown fields, invalid JSON, unsafe URL, unknown event types).',
  401: 'Missing, unknown, expired or revoked API key or portal session token.',
  403: 'The API key or portal session is read-only and cannot make changes.',
  404: "No such resource for the caller's tenant (another tenant's resources are never visible).",
  409: 'The resource is in a state that does not allow this now.',
  413: 'The request body is too large.',
  415: 'The request has a body or Content-Type that is not JSON; send Content-Type: application/json.',
  429: 'Rate limit exceeded; retry after the number of seconds in the Retry-After header.',
  500: 'Unexpected error; it has been logged.',
  501: 'The event catalog has no test event type.',
};

/** Documents the error responses an endpoint can give, all in the one error-document shape. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        type: ApiErrorDocumentSchema,
        ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } } : {}),
      }),
    ),
  );
}
