/** One webhook request the RecordingTransport took instead of sending. */
export interface RecordedRequest {
  url: string;
  method: 'POST';
  /** As they would have gone on the wire, defaults (content-type, user-agent) included. */
  headers: Record<string, string>;
  /** The exact body bytes, as a UTF-8 string: what a receiver verifies. */
  body: string;
  /** When it was "sent", by the kit's clock. */
  at: Date;
  /** What the transport answered: a status code, or the failure it simulated. */
  answer: number | 'timeout' | 'network-error';
}

/**
 * How an endpoint answers: a status code, a response, or a failure no response would give
 * (`{ fail: 'timeout' }` is recorded as an attempt that timed out, without waiting for it).
 */
export type ScriptedResponse =
  | number
  | { status: number; headers?: Record<string, string>; body?: string }
  | { fail: 'timeout' | 'network-error' };

/** A fixed answer, or one computed from the request (fail the first try, then succeed …). */
export type Responder = ScriptedResponse | ((request: Omit<RecordedRequest, 'answer'>) => ScriptedResponse | Promise<ScriptedResponse>);
