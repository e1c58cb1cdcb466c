/** A W3C Trace Context (https://www.w3.org/TR/trace-context/) as its two headers carry it. */
export interface TraceContext {
  /** `00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>` */
  traceparent: string;
  tracestate?: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const TRACESTATE_MEMBER = /^(?:[a-z][_0-9a-z\-*/]{0,255}|[a-z0-9][_0-9a-z\-*/]{0,240}@[a-z][_0-9a-z\-*/]{0,13})=[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
/** The W3C limits a tracestate is kept within when passed on. */
const MAX_TRACESTATE_MEMBERS = 32;
const MAX_TRACESTATE_LENGTH = 512;

/**
 * The traceparent in the version-00 form Hookline sends, or null when it is malformed: as the W3C
 * rules have a receiver do, a bad header starts no trace rather than failing the work it came with.
 * A later version's header keeps its first four fields.
 */
export function normalizeTraceparent(value: string): string | null {
  const match = TRACEPARENT.exec(value.trim());
  if (!match) return null;
  const [, version, traceId, parentId, flags, rest] = match;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return null;
  if (/^0+$/.test(traceId) || /^0+$/.test(parentId)) return null;
  return `00-${traceId}-${parentId}-${flags}`;
}

/**
 * The tracestate without malformed members, cut from the end to the W3C's 32 members and 512
 * characters; undefined when nothing is left.
 */
export function normalizeTracestate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const members = value
    .split(',')
    .map((member) => member.trim())
    .filter((member) => member.length > 0);
  if (members.some((member) => !TRACESTATE_MEMBER.test(member))) return undefined;
  const kept: string[] = [];
  let length = -1;
  for (const member of members.slice(0, MAX_TRACESTATE_MEMBERS)) {
    if (length + 1 + member.length > MAX_TRACESTATE_LENGTH) break;
    kept.push(member);
    length += 1 + member.length;
  }
  return kept.length > 0 ? kept.join(',') : undefined;
}
