/** The subset of Nest's LoggerService Hookline writes to; never given secrets or signatures. */
export interface HooklineLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, ...details: unknown[]): void;
}
