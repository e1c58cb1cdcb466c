import { HooklineError } from '@hookline/core';

export class ApiKeyNotFoundError extends HooklineError {
  readonly code = 'HOOKLINE_API_KEY_NOT_FOUND';
}

export class InvalidApiKeyInputError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_API_KEY_INPUT';
}
