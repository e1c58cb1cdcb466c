/** Why an attempt produced no usable 2xx, in words the retry policy and the delivery log share. */
export type DeliveryErrorKind =
  | 'timeout' // no complete response within the timeout
  | 'network' // DNS failure, refused, reset, TLS error…
  | 'unsafe-url' // refused by the SSRF guard or the HTTPS rule before any socket opened
  | 'redirect' // a 3xx: redirects are never followed
  | 'http-status'; // a response arrived with a non-2xx status

/** What one HTTP attempt came to. Everything the attempt row and the retry policy need. */
export interface DeliveryOutcome {
  /** True only for a 2xx response. */
  ok: boolean;
  /** Absent when no response arrived. */
  statusCode?: number;
  durationMs: number;
  /** The start of the response body, at most the configured cap, decoded as UTF-8. */
  responseExcerpt?: string;
  /** True when the body was longer than the cap and the rest was discarded. */
  responseTruncated?: boolean;
  /** The response's headers as the HTTP client reported them (lower-case names), unfiltered: whoever stores them filters them. */
  responseHeaders?: Readonly<Record<string, unknown>>;
  /** The raw `Retry-After` header, when the response had one. */
  retryAfter?: string;
  /** Present whenever `ok` is false. */
  error?: { kind: DeliveryErrorKind; message: string; code?: string };
}
