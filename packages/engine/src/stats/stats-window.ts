import { HooklineError } from '@hookline/core';

export class InvalidStatsWindowError extends HooklineError {
  readonly code = 'HOOKLINE_INVALID_STATS_WINDOW';
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_WINDOW_MS = 30 * UNIT_MS.d;

/** `15m`, `24h`, `7d` … up to 30 days, in milliseconds. */
export function parseStatsWindow(window: string): number {
  const match = /^([1-9][0-9]{0,4})([mhd])$/.exec(window);
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : NaN;
  if (!(ms <= MAX_WINDOW_MS)) {
    throw new InvalidStatsWindowError(`window must be a number of minutes, hours or days such as "15m", "24h" or "7d", at most 30d; got ${JSON.stringify(window)}.`, {
      pointer: '/window',
    });
  }
  return ms;
}
