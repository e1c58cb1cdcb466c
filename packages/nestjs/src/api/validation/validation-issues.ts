import type { ValidationError } from 'class-validator';
import type { RequestIssue } from '../errors/api-errors';

/** Where the validated value came from: body fields get a JSON pointer, query fields a parameter name. */
export type IssueLocation = 'body' | 'query' | 'param' | 'custom';

/** One issue per invalid field (the pipe stops at each field's first failed rule). */
export function issuesFromValidationErrors(errors: ValidationError[], location: IssueLocation, path: string[] = []): RequestIssue[] {
  return errors.flatMap((error) => {
    const at = [...path, error.property];
    const own = Object.entries(error.constraints ?? {}).slice(0, 1).map(([rule, message]) => {
      const unknown = rule === 'whitelistValidation';
      const detail = unknown ? `Unknown field "${at.join('.')}": remove it (the API accepts only documented fields).` : `${message}.`;
      const code = unknown ? 'HOOKLINE_UNKNOWN_FIELD' : 'HOOKLINE_INVALID_FIELD';
      return location === 'query' ? { code, detail, parameter: at.join('.') } : { code, detail, pointer: `/${at.join('/')}` };
    });
    return [...own, ...issuesFromValidationErrors(error.children ?? [], location, at)];
  });
}
