/**
 * The one timer of an attempt, offered both ways a client can be stopped: an AbortSignal (made
 * only when asked for: signals and their listeners cost more than the rest of a loopback attempt)
 * or a plain callback for clients with their own abort.
 */
export class AttemptDeadline {
  private controller?: AbortController;
  private listener?: (reason: Error) => void;
  private readonly timer: NodeJS.Timeout;
  /** Set once the time is up. */
  reason?: Error;

  constructor(timeoutMs: number) {
    this.timer = setTimeout(() => this.expire(new Error(`No complete response within ${timeoutMs} ms`)), timeoutMs);
  }

  get expired(): boolean {
    return this.reason !== undefined;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason) this.controller.abort(this.reason);
    }
    return this.controller.signal;
  }

  /** `abort` runs once when the time is up (at once if it already is); a later call replaces it. */
  onExpire(abort: (reason: Error) => void): void {
    if (this.reason) abort(this.reason);
    else this.listener = abort;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.listener = undefined;
  }

  private expire(reason: Error): void {
    this.reason = reason;
    this.controller?.abort(reason);
    const listener = this.listener;
    this.listener = undefined;
    listener?.(reason);
  }
}
