import type { RequestIssue } from '../errors/api-errors';
import { findInJson, toPointer } from './json-walk';
import { MAX_BODY_DEPTH, tooDeepAt } from './json-depth';
import { unstorableTextAt } from './unstorable-text';

const STRIPPED_KEYS = new Set(['__proto__', 'constructor']);

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
  // Nest's ValidationPipe deletes these keys wherever they are; inside a map (a subscription's headers) that would drop an entry unseen.
  const stripped = findInJson(body, (_value, path) => path.length > 1 && STRIPPED_KEYS.has(path[path.length - 1]));
  if (stripped) {
    const pointer = toPointer(stripped);
    return { code: 'HOOKLINE_INVALID_FIELD', detail: `The key "${stripped[stripped.length - 1]}" at ${pointer} cannot be accepted (it names a JavaScript prototype): rename it.`, pointer };
  }
  return undefined;
}
