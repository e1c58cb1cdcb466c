import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import { failureOutcome, responseOutcome, type ResponseHead } from './attempt-outcome';
import type { DeliveryOutcome } from './delivery-outcome';
import type { ResolvedDeliveryOptions } from './delivery-options';
import { readCappedBody } from './read-capped-body';
import { assertSafeUrl } from './ssrf-guard';
import type { DeliveryRequest } from './transport';

export interface StreamedResponse extends ResponseHead {
  body: Readable;
}

/**
 * The one thing a transport implements: POST the checked request and hand back the response
 * head with its body still unread. No redirects, no buffering, no proxy; must honour `signal`.
 */
export type Exchange = (request: DeliveryRequest, signal: AbortSignal) => Promise<StreamedResponse>;

// The verdict on a URL string depends only on the (frozen) options, so a subscription's URL is
// checked once, not per attempt. Where its name resolves is still checked at every connect.
const checkedUrls = new WeakMap<ResolvedDeliveryOptions, Map<string, string>>();
const CHECKED_URL_LIMIT = 10_000;

function checkedUrl(url: string, options: ResolvedDeliveryOptions): string {
  let checked = checkedUrls.get(options);
  if (!checked) checkedUrls.set(options, (checked = new Map()));
  let href = checked.get(url);
  if (href === undefined) {
    href = assertSafeUrl(url, options).href;
    if (checked.size >= CHECKED_URL_LIMIT) checked.clear();
    checked.set(url, href);
  }
  return href;
}

function withDefaultHeaders(headers: Record<string, string>, userAgent: string): Record<string, string> {
  const present = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  return {
    ...(!present.has('content-type') && { 'content-type': 'application/json' }),
    ...(!present.has('user-agent') && { 'user-agent': userAgent }),
    ...headers,
  };
}

/**
 * Everything an attempt means apart from the HTTP client: the URL guard for IP literals (Node
 * skips `lookup` for them), one timer for connect + headers + body, the capped body read, and
 * turning the result or the failure into a `DeliveryOutcome`. Never throws.
 */
export async function runAttempt(request: DeliveryRequest, options: ResolvedDeliveryOptions, exchange: Exchange): Promise<DeliveryOutcome> {
  const startedAt = performance.now();
  const elapsed = (): number => Math.round(performance.now() - startedAt);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`No complete response within ${options.timeoutMs} ms`));
  }, options.timeoutMs);
  let statusCode: number | undefined;
  try {
    const url = checkedUrl(request.url, options);
    const headers = withDefaultHeaders(request.headers, options.userAgent);
    const response = await exchange({ url, headers, body: request.body }, controller.signal);
    statusCode = response.statusCode;
    const body = await readCappedBody(response.body, options.maxResponseBytes, controller.signal);
    return responseOutcome(response, body, elapsed());
  } catch (error) {
    return failureOutcome(error, { timedOut, timeoutMs: options.timeoutMs, durationMs: elapsed(), statusCode });
  } finally {
    clearTimeout(timer);
  }
}
