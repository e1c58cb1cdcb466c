import { format } from 'node:util';

/** Where queue drivers report what they cannot throw to a caller (handler and connection errors). */
export interface QueueLogger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
}

/**
 * The default: plain lines on stderr. Silence would hide a worker that keeps failing, and a
 * library should not assume the host's logging framework.
 */
export const stderrQueueLogger: QueueLogger = {
  error: (message, ...details) => process.stderr.write(`[hookline] ERROR ${format(message, ...details)}\n`),
  warn: (message, ...details) => process.stderr.write(`[hookline] WARN ${format(message, ...details)}\n`),
};
