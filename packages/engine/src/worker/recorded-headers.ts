import { maskHeaderValue } from '../secrets/mask-header-values';

/** What an attempt row keeps of its exchange's headers: the JSON text of `webhook_attempt.headers`. */
export interface RecordedHeaders {
  /** Every header the request was sent with; credentials masked. */
  request: Record<string, string>;
  /** The response's headers, credentials masked; null when no response arrived. */
  response: Record<string, string> | null;
  /** Set when the response's headers ran past the cap and the rest were left out. */
  responseTruncated?: true;
  /** How many of the subscription's own headers went with the request: left out, since they are sealed at rest. */
  ownHeaders?: number;
}

/** Names and values of a response's headers kept per attempt: a receiver cannot grow the log without bound. */
export const RESPONSE_HEADERS_LIMIT = 8_192;

const NONE: ReadonlySet<string> = new Set();

// Whatever the profile or the subscription, these carry credentials; so, by their names, may a
// profile's constant headers or a response's.
const CREDENTIAL_NAMES = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const CREDENTIAL_WORDS = /signature|token|secret|password|api-?key/;

/**
 * The attempt's headers as stored, masked before they reach the database: the signature (the
 * profile's signature header) and any other of `secretNames` (lower-case), authorization and
 * cookies, any name with `signature`, `token`, `secret`, `password` or `api-key` in it. The
 * subscription's own headers (`ownNames`, lower-case) are left out and only counted: they are
 * sealed at rest, names included, and a log of attempts must not undo that.
 */
export function recordedHeaders(
  request: Readonly<Record<string, string>>,
  secretNames: ReadonlySet<string>,
  response: Readonly<Record<string, unknown>> | undefined,
  ownNames: ReadonlySet<string> = NONE,
): string {
  const masked = (name: string): boolean => {
    const lower = name.toLowerCase();
    return CREDENTIAL_NAMES.has(lower) || secretNames.has(lower) || CREDENTIAL_WORDS.test(lower);
  };
  const sent: Record<string, string> = {};
  let own = 0;
  for (const name in request) {
    if (ownNames.size > 0 && ownNames.has(name.toLowerCase())) own += 1;
    else sent[name] = masked(name) ? maskHeaderValue(request[name]) : request[name];
  }
  const recorded: RecordedHeaders = { request: sent, response: null, ...(own > 0 && { ownHeaders: own }) };
  if (response) {
    const received: Record<string, string> = {};
    let room = RESPONSE_HEADERS_LIMIT;
    for (const name in response) {
      const raw = response[name];
      if (raw === undefined || raw === null) continue;
      const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
      room -= name.length + value.length;
      if (room < 0) {
        recorded.responseTruncated = true;
        break;
      }
      received[name] = masked(name) ? maskHeaderValue(value) : value;
    }
    recorded.response = received;
  }
  return JSON.stringify(recorded);
}
