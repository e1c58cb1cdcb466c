import { Injectable, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { InvalidRequestError } from '../errors/api-errors';
import { issuesFromValidationErrors } from './validation-issues';

class ValidationFailure {
  constructor(readonly errors: ValidationError[]) {}
}

/**
 * Strict input: class-validator DTOs, unknown fields refused (not silently dropped), query
 * strings converted to the DTO's types, and every invalid field reported in one 400.
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      stopAtFirstError: true,
      exceptionFactory: (errors) => new ValidationFailure(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') {
      // No body at all (e.g. `POST …/rotate-secret` without one) means "no fields".
      if (value === undefined) value = {};
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new InvalidRequestError([{ code: 'HOOKLINE_INVALID_BODY', detail: 'The request body must be a JSON object.', pointer: '' }]);
      }
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof ValidationFailure) throw new InvalidRequestError(issuesFromValidationErrors(error.errors, metadata.type));
      throw error;
    }
  }
}
