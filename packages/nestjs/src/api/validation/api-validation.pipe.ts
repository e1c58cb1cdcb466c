import { Injectable, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import { InvalidRequestError } from '../errors/api-errors';
import { rawBodyIssue } from './raw-body-issue';
import { issuesFromValidationErrors } from './validation-issues';

type RequestIssue = ConstructorParameters<typeof InvalidRequestError>[0][number];

/**
 * The body's own keys that the DTO does not declare. class-transformer skips keys such as
 * `toString`, `constructor` or `__proto__` (they exist on every object), so the whitelist alone
 * never sees them; checking own keys here catches every unknown field.
 */
function undeclaredKeys(body: object, metatype: ArgumentMetadata['metatype']): string[] {
  if (!metatype) return [];
  const declared = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(metatype, '', true, false)
      .map((m) => m.propertyName),
  );
  return Object.keys(body).filter((key) => !declared.has(key));
}

const unknownFieldIssue = (key: string): RequestIssue => ({
  code: 'HOOKLINE_UNKNOWN_FIELD',
  detail: `Unknown field "${key}": remove it (the API accepts only documented fields).`,
  pointer: `/${key}`,
});

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
    let unknown: string[] = [];
    if (metadata.type === 'body') {
      // No body at all (e.g. `POST …/rotate-secret` without one) means "no fields".
      if (value === undefined) value = {};
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new InvalidRequestError([{ code: 'HOOKLINE_INVALID_BODY', detail: 'The request body must be a JSON object.', pointer: '' }]);
      }
      const issue = rawBodyIssue(value);
      if (issue) throw new InvalidRequestError([issue]);
      unknown = undeclaredKeys(value as object, metadata.metatype);
      // Validate the rest, so one 400 still lists every problem of the request.
      value = Object.fromEntries(Object.entries(value as object).filter(([key]) => !unknown.includes(key)));
    }
    let result: unknown;
    try {
      result = await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ValidationFailure)) throw error;
      throw new InvalidRequestError([...unknown.map(unknownFieldIssue), ...issuesFromValidationErrors(error.errors, metadata.type)]);
    }
    if (unknown.length > 0) throw new InvalidRequestError(unknown.map(unknownFieldIssue));
    return result;
  }
}
