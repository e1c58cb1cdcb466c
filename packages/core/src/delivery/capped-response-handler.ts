import type { Dispatcher } from 'undici';
import type { ResponseHead } from './attempt-outcome';
import { cappedText, type CappedBody } from './read-capped-body';
import type { AttemptContext } from './run-attempt';

type Controller = Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestStart']>>[0];

/**
 * An undici dispatch handler that keeps the response head and at most `maxResponseBytes` of
 * the body, then settles once. No stream, no promise per chunk, no AbortSignal: on a loopback
 * receiver those cost more than the HTTP exchange itself. The deadline aborts the request, and
 * settles at once even while the request still waits for a connection.
 */
export class CappedResponseHandler implements Dispatcher.DispatchHandler {
  private head?: ResponseHead;
  private readonly chunks: Buffer[] = [];
  private size = 0;
  private settled = false;

  constructor(
    private readonly context: AttemptContext,
    private readonly resolve: (response: { head: ResponseHead; body: CappedBody }) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    context.deadline.onExpire((reason) => this.fail(reason));
  }

  onRequestStart(controller: Controller): void {
    if (this.settled) controller.abort(this.context.deadline.reason ?? new Error('aborted'));
    else this.context.deadline.onExpire((reason) => controller.abort(reason));
  }

  onResponseStart(_controller: Controller, statusCode: number, headers: Record<string, unknown>): void {
    // Informational (1xx) heads come before the real one.
    if (statusCode < 200) return;
    this.head = { statusCode, headers };
    this.context.sawStatus(statusCode);
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    if (this.settled) return;
    const room = this.context.maxResponseBytes - this.size;
    if (chunk.length > room) {
      this.chunks.push(chunk.subarray(0, room));
      this.succeed(true);
      // The rest is not wanted: dropping the connection is cheaper than reading 100 MB.
      controller.abort(new Error('Response body cap reached'));
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  onResponseEnd(): void {
    this.succeed(false);
  }

  onResponseError(_controller: Controller, error: Error): void {
    this.fail(error);
  }

  private succeed(truncated: boolean): void {
    if (this.settled) return;
    if (!this.head) return this.fail(new Error('The response ended before its head'));
    this.settled = true;
    this.resolve({ head: this.head, body: cappedText(this.chunks, truncated) });
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
}
