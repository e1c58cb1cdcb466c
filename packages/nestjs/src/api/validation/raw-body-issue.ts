import type { RequestIssue } from '../errors/api-errors';
import { MAX_BODY_DEPTH, tooDeepAt } from './json-depth';
import { unstorableTextAt } from './unstorable-text';

/** What no field's rules can judge, checked before class-transformer sees the body. */
export function rawBodyIssue(body: unknown): RequestIssue | undefined {
  const tooDeep = tooDeepAt(body);
  if (tooDeep !== undefined) {
    const detail = `The request body nests arrays or objects more than ${MAX_BODY_DEPTH} levels deep at ${tooDeep}: send the documented shape.`;
    return { code: 'HOOKLINE_BODY_TOO_DEEP', detail, pointer: tooDeep };
  }
  const unstorable = unstorableTextAt(body);
  if (unstorable) {
    const { pointer, character } = unstorable;
    const detail = `The text at ${pointer} holds ${character}, a NUL or a lone surrogate, which cannot be stored as UTF-8 text: remove it.`;
    return { code: 'HOOKLINE_INVALID_CHARACTER', detail, pointer };
  }
  return undefined;
}
