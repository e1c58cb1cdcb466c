import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { AttemptDeadline } from './attempt-deadline';
import { remembered } from '../memo/bounded-memo';
import { failureOutcome, responseOutcome, type ResponseHead } from './attempt-outcome';
import type { DeliveryOutcome } from './delivery-outcome';
import type { ResolvedDeliveryOptions } from './delivery-options';
import { readCappedBody, type CappedBody } from './read-capped-body';
import { assertSafeUrl } from './ssrf-guard';
import type { DeliveryRequest } from './transport';

export interface StreamedResponse extends ResponseHead {
  body: Readable;
}

/** What an exchange gets besides the request: when to stop, how much body to keep. */
export interface AttemptContext {
  deadline: AttemptDeadline;
  maxResponseBytes: number;
  /** Called with the status as soon as it is known, so a timeout in the body still reports it. */
  sawStatus(statusCode: number): void;
}

/**
 * The one thing a transport implements: POST the checked request and hand back the response
 * head and at most `maxResponseBytes` of its body. No redirects, no proxy; must stop when the
 * deadline expires.
 */
export type Exchange = (request: DeliveryRequest, context: AttemptContext) => Promise<{ head: ResponseHead; body: CappedBody }>;

/** An Exchange from a client that takes an AbortSignal and hands back the body as a stream. */
export function streamedExchange(send: (request: DeliveryRequest, signal: AbortSignal) => Promise<StreamedResponse>): Exchange {
  return async (request, { deadline, maxResponseBytes, sawStatus }) => {
    const response = await send(request, deadline.signal);
    sawStatus(response.statusCode);
    return { head: response, body: await readCappedBody(response.body, maxResponseBytes, deadline.signal) };
  };
}

// The verdict on a URL string depends only on the (frozen) options, so a subscription's URL is
// checked once, not per attempt. Where its name resolves is still checked at every connect.
const checkedUrls = new WeakMap<ResolvedDeliveryOptions, Map<string, string>>();
const CHECKED_URL_LIMIT = 10_000;

function checkedUrl(url: string, options: ResolvedDeliveryOptions): string {
  let checked = checkedUrls.get(options);
  if (!checked) checkedUrls.set(options, (checked = new Map()));
  return remembered(checked, url, CHECKED_URL_LIMIT, (unchecked) => assertSafeUrl(unchecked, options).href);
}

function withDefaultHeaders(headers: Record<string, string>, userAgent: string): Record<string, string> {
  let contentType = false;
  let agent = false;
  for (const name in headers) {
    const lower = name.toLowerCase();
    if (lower === 'content-type') contentType = true;
    else if (lower === 'user-agent') agent = true;
  }
  if (contentType && agent) return headers;
  return {
    ...(!contentType && { 'content-type': 'application/json' }),
    ...(!agent && { 'user-agent': userAgent }),
    ...headers,
  };
}

/**
 * Everything an attempt means apart from the HTTP client: the URL guard for IP literals (Node
 * skips `lookup` for them), one timer for connect + headers + body, the body cap, and turning
 * the result or the failure into a `DeliveryOutcome`. Never throws.
 */
export async function runAttempt(request: DeliveryRequest, options: ResolvedDeliveryOptions, exchange: Exchange): Promise<DeliveryOutcome> {
  const startedAt = performance.now();
  const elapsed = (): number => Math.round(performance.now() - startedAt);
  const deadline = new AttemptDeadline(options.timeoutMs);
  let statusCode: number | undefined;
  try {
    const url = checkedUrl(request.url, options);
    const headers = withDefaultHeaders(request.headers, options.userAgent);
    const { head, body } = await exchange(
      { url, headers, body: request.body },
      { deadline, maxResponseBytes: options.maxResponseBytes, sawStatus: (code) => (statusCode = code) },
    );
    return responseOutcome(head, body, elapsed());
  } catch (error) {
    return failureOutcome(error, { timedOut: deadline.expired, timeoutMs: options.timeoutMs, durationMs: elapsed(), statusCode });
  } finally {
    deadline.clear();
  }
}
