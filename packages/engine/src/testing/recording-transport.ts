import { runAttempt, systemClock, type AttemptContext, type Clock, type DeliveryOutcome, type DeliveryRequest, type ResolvedDeliveryOptions, type Transport } from '@hookline/core';
import type { RecordedRequest, Responder, ScriptedResponse } from './recorded-request';
import { TestKitError } from './test-kit-error';

// The codes undici gives these failures, so the outcome (and the retry policy) sees what production would.
const FAILURE_CODES = { timeout: 'UND_ERR_HEADERS_TIMEOUT', 'network-error': 'ECONNREFUSED' } as const;

/**
 * A Transport that records every request and answers as scripted (200 unless told), without
 * opening a socket. It runs inside core's runAttempt, like the real transports: the URL guard,
 * the default headers and the mapping of failures to outcomes are production's.
 */
export class RecordingTransport implements Transport {
  private readonly recorded: RecordedRequest[] = [];
  private readonly byUrl = new Map<string, Responder>();
  private fallback: Responder = 200;

  constructor(private readonly clock: Clock = systemClock) {}

  /** Every request so far, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.recorded;
  }

  /** The requests to one URL. */
  requestsTo(url: string): RecordedRequest[] {
    return this.recorded.filter((request) => request.url === url);
  }

  /** How every endpoint without its own responder answers. */
  respond(responder: Responder): this {
    this.fallback = checked(responder);
    return this;
  }

  /** How the endpoint at `url` (exactly as subscribed) answers from now on. */
  respondTo(url: string, responder: Responder): this {
    this.byUrl.set(url, checked(responder));
    return this;
  }

  /** Forgets the requests and the responders: every endpoint answers 200 again. */
  reset(): void {
    this.recorded.length = 0;
    this.byUrl.clear();
    this.fallback = 200;
  }

  send(request: DeliveryRequest, options: ResolvedDeliveryOptions): Promise<DeliveryOutcome> {
    return runAttempt(request, options, (checkedRequest, context) => this.exchange(checkedRequest, context));
  }

  async close(): Promise<void> {}

  private async exchange(request: DeliveryRequest, context: AttemptContext) {
    const seen = { url: request.url, method: 'POST' as const, headers: { ...request.headers }, body: request.body, at: this.clock.now() };
    const responder = this.byUrl.get(request.url) ?? this.fallback;
    const scripted = typeof responder === 'function' ? await responder(seen) : responder;
    const response = normalized(scripted);
    this.recorded.push({ ...seen, answer: 'fail' in response ? response.fail : response.status });
    if ('fail' in response) throw Object.assign(new Error(`simulated ${response.fail}`), { code: FAILURE_CODES[response.fail] });
    context.sawStatus(response.status);
    const bytes = Buffer.from(response.body ?? '');
    const headers = Object.fromEntries(Object.entries(response.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    return {
      head: { statusCode: response.status, headers },
      body: { excerpt: bytes.subarray(0, context.maxResponseBytes).toString('utf8'), truncated: bytes.length > context.maxResponseBytes },
    };
  }
}

function normalized(scripted: ScriptedResponse): Exclude<ScriptedResponse, number> {
  const response = typeof scripted === 'number' ? { status: scripted } : scripted;
  if (response === null || typeof response !== 'object' || ('fail' in response ? !(response.fail in FAILURE_CODES) : !isStatus(response.status))) {
    throw new TestKitError(`A responder answered ${JSON.stringify(scripted)}; answer a status code (100-599), { status, headers?, body? } or { fail: 'timeout' | 'network-error' }.`);
  }
  return response;
}

function checked(responder: Responder): Responder {
  if (typeof responder !== 'function') normalized(responder);
  return responder;
}

const isStatus = (status: unknown): boolean => Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599;
