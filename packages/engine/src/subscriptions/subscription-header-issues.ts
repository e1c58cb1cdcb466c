/** At most this many headers per subscription. */
export const MAX_SUBSCRIPTION_HEADERS = 20;
/** Names and values together, in bytes (values are ASCII, so characters). */
export const MAX_SUBSCRIPTION_HEADER_BYTES = 4_096;

// RFC 7230 §3.2.6: a header name is a token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// eslint-disable-next-line no-control-regex -- finding these is the point
const LINE_BREAK_OR_NUL = /[\r\n\u0000]/;
// eslint-disable-next-line no-control-regex -- tab is the one control character a value may hold
const CONTROL = /[\u0001-\u0008\u000b-\u001f\u007f]/;
const NON_ASCII = /[^\t\u0020-\u007e]/;

// Hop-by-hop and framing headers belong to the connection, which the HTTP client manages (undici refuses most of them).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length', 'expect']);

/** One problem with a subscription's `headers`, at a JSON pointer such as `/headers/X-Api-Key`. */
export interface HeaderIssue {
  pointer: string;
  detail: string;
}

/**
 * Everything wrong with `headers` as a subscription's own request headers. `builtNames` are the
 * lower-cased names the subscription's profile sets itself (see builtHeaderNames), which a
 * subscription may never replace; without them only the profile-independent rules are checked.
 * Details name headers, never their values.
 */
export function subscriptionHeaderIssues(headers: unknown, builtNames?: ReadonlySet<string>): HeaderIssue[] {
  if (headers === undefined || headers === null) return [];
  if (typeof headers !== 'object' || Array.isArray(headers)) {
    return [{ pointer: '/headers', detail: 'headers must be an object of header names to string values, or null.' }];
  }
  const entries = Object.entries(headers);
  const issues: HeaderIssue[] = [];
  if (entries.length > MAX_SUBSCRIPTION_HEADERS) {
    issues.push({ pointer: '/headers', detail: `headers may hold at most ${MAX_SUBSCRIPTION_HEADERS} headers; these are ${entries.length}.` });
  }
  const seen = new Set<string>();
  let bytes = 0;
  for (const [name, value] of entries) {
    const at = (detail: string) => issues.push({ pointer: `/headers/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, detail });
    const lower = name.toLowerCase();
    bytes += name.length + (typeof value === 'string' ? value.length : 0);
    if (!TOKEN.test(name)) at('A header name must be a token: letters, digits and !#$%&\'*+-.^_`|~, no spaces, colons or line breaks.');
    else if (HOP_BY_HOP.has(lower) || lower.startsWith('proxy-')) at(`${name} belongs to the connection, which the HTTP client manages: it cannot be set per subscription.`);
    else if (builtNames?.has(lower)) at(`${name} is set by Hookline on every request of this subscription's profile (signature, id, timestamp, content type or user agent): it cannot be replaced.`);
    else if (seen.has(lower)) at(`${name} is given twice: header names are case-insensitive.`);
    else if (typeof value !== 'string') at(`The value of ${name} must be a string.`);
    else if (value.length === 0) at(`The value of ${name} must not be empty.`);
    else if (LINE_BREAK_OR_NUL.test(value)) at(`The value of ${name} holds a CR, LF or NUL, which would end or split the header: remove it.`);
    else if (CONTROL.test(value)) at(`The value of ${name} holds a control character; tab is the only one allowed.`);
    else if (NON_ASCII.test(value)) at(`The value of ${name} holds a character outside printable ASCII: encode it first (percent- or base64-encoding).`);
    seen.add(lower);
  }
  if (bytes > MAX_SUBSCRIPTION_HEADER_BYTES) {
    issues.push({ pointer: '/headers', detail: `headers may be at most ${MAX_SUBSCRIPTION_HEADER_BYTES} bytes in all, names and values; these are ${bytes}.` });
  }
  return issues;
}
