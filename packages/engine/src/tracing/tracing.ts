import type { TraceContext } from './trace-context';

/** What a publish span learns once the message is stored. */
export interface PublishedMessage {
  messageId: string;
  deliveryCount: number;
  duplicate: boolean;
}

/** The message a publish span is about, and the context its publisher passed, if any. */
export interface PublishSubject {
  type: string;
  tenant: string;
  traceContext: TraceContext | null;
}

/** The span of one publish: its context is stored with the message. */
export interface PublishTrace {
  /** The context to store and send; null when there is none (no active span, no `traceContext`). */
  readonly context: TraceContext | null;
  end(result: PublishedMessage | { error: unknown }): void;
}

/** What an attempt span records when it ends (an AttemptRecord is one). */
export interface AttemptResult {
  statusCode: number | null;
  /** `success`, or the kind of failure. */
  outcome: string;
  error: string | null;
  /** The delivery's state after the attempt: delivered, pending (a retry) or failed. */
  next: { status: string };
}

/** The delivery an attempt span is about (a DeliveryWork is one): passed as it is, so no-op tracing allocates nothing. */
export interface AttemptSubject {
  id: string;
  messageId: string;
  subscriptionId: string;
  tenant: string;
  type: string;
  /** Attempts made before this one. */
  attemptCount: number;
  trace: TraceContext | null;
}

/** The span of one HTTP attempt. */
export interface AttemptTrace {
  /** Calls `send(request)` with the attempt span active, so the host's own HTTP instrumentation nests under it. */
  run<A, T>(send: (request: A) => Promise<T>, request: A): Promise<T>;
  end(result: AttemptResult): void;
}

/**
 * Spans for publishes and attempts. Without OpenTelemetry it is NO_TRACING, which allocates
 * nothing: a message then carries only a `traceContext` its publisher passed explicitly.
 */
export interface Tracing {
  publishing(subject: PublishSubject): PublishTrace;
  attempting(subject: AttemptSubject): AttemptTrace;
}

export const NO_ATTEMPT_TRACE: AttemptTrace = { run: (send, request) => send(request), end: () => undefined };
const NO_PUBLISH_TRACE: PublishTrace = { context: null, end: () => undefined };

export const NO_TRACING: Tracing = {
  publishing: ({ traceContext }) => (traceContext ? { context: traceContext, end: () => undefined } : NO_PUBLISH_TRACE),
  attempting: () => NO_ATTEMPT_TRACE,
};
