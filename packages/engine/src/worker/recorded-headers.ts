import { maskHeaderValue } from '../secrets/mask-header-values';

/** What an attempt row keeps of its exchange's headers: the JSON text of `webhook_attempt.headers`. */
export interface RecordedHeaders {
  /** Every header the request was sent with; credentials masked. */
  request: Record<string, string>;
  /** The response's headers, credentials masked; null when no response arrived. */
  response: Record<string, string> | null;
  /** Set when the response's headers ran past the cap and the rest were left out. */
  responseTruncated?: true;
}

/** Names and values of a response's headers kept per attempt: a receiver cannot grow the log without bound. */
export const RESPONSE_HEADERS_LIMIT = 8_192;

// Whatever the profile or the subscription, these carry credentials; so, by their names, may a
// profile's constant headers or a response's.
const CREDENTIAL_NAMES = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const CREDENTIAL_WORDS = /signature|token|secret|password|api-?key/;

/**
 * The attempt's headers as stored, masked before they reach the database: the signature (the
 * profile's signature header), authorization and cookies, any name with `signature`, `token`,
 * `secret`, `password` or `api-key` in it, and every header that came from the subscription's
 * sealed `headers` (`secretNames`, lower-case).
 */
export function recordedHeaders(
  request: Readonly<Record<string, string>>,
  secretNames: ReadonlySet<string>,
  response: Readonly<Record<string, unknown>> | undefined,
): string {
  const masked = (name: string): boolean => {
    const lower = name.toLowerCase();
    return CREDENTIAL_NAMES.has(lower) || secretNames.has(lower) || CREDENTIAL_WORDS.test(lower);
  };
  const sent: Record<string, string> = {};
  for (const name in request) sent[name] = masked(name) ? maskHeaderValue(request[name]) : request[name];
  const recorded: RecordedHeaders = { request: sent, response: null };
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
