import type { HooklineLogger } from '../options/hookline-logger';

/** The default for hosts without a logger of their own: one prefixed line per message. */
export const consoleLogger: HooklineLogger = {
  log: (message) => console.log(`[hookline] ${message}`),
  warn: (message) => console.warn(`[hookline] ${message}`),
  error: (message, ...details) => console.error(`[hookline] ${message}`, ...details),
};
